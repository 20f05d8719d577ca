import { type Environment, readSecret, SecretFileError } from './env.js';
import { formatPath } from './format-issues.js';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface Interpolated {
  value: unknown;
  problems: string[];
  /** Values that came from the environment: treated as secrets and masked in logs. */
  substituted: string[];
}

/**
 * Replaces `${VAR}` (or `${VAR:-default}`) inside string values of the parsed YAML; a variable
 * may also come from the file named by `VAR_FILE`. Done on
 * values, not on the raw text, so an environment value can never change the YAML structure.
 * A variable that is not set is a problem reported with the path that needs it.
 */
export function interpolate(value: unknown, env: Environment, path: PropertyKey[] = []): Interpolated {
  const problems: string[] = [];
  const substituted: string[] = [];
  const visit = (node: unknown, at: PropertyKey[]): unknown => {
    if (typeof node === 'string') {
      return node.replace(REFERENCE, (_match, name: string, fallback: string | undefined) => {
        // `${VAR}` also reads VAR_FILE, like every secret: webhook URLs are secrets too.
        let found: string | undefined;
        try {
          found = readSecret(env, name);
        } catch (error) {
          if (!(error instanceof SecretFileError)) throw error;
          problems.push(`${formatPath(at)}: ${error.message}`);
          return '';
        }
        if (found !== undefined && found !== '') {
          substituted.push(found);
          return found;
        }
        if (fallback !== undefined) return fallback;
        problems.push(`${formatPath(at)}: environment variable ${name} is not set`);
        return '';
      });
    }
    // A node with nothing to fill in is returned as it is, not copied: a 100,000-feed file was
    // otherwise held twice over while the schema read it (issue 24).
    if (Array.isArray(node)) {
      const children = node.map((child, index) => visit(child, [...at, index]));
      return children.every((child, index) => child === node[index]) ? node : children;
    }
    if (node && typeof node === 'object') {
      const entries = Object.entries(node).map(([key, child]) => [key, visit(child, [...at, key])] as const);
      return entries.every(([key, child]) => child === (node as Record<string, unknown>)[key])
        ? node
        : Object.fromEntries(entries);
    }
    return node;
  };
  return { value: visit(value, path), problems, substituted };
}
