import { readFileSync } from 'node:fs';

/**
 * The only place that reads `process.env`. Everything else receives values through the
 * validated Config. A secret `NAME` may also come from `NAME_FILE`, a file holding it
 * (Docker and Kubernetes secrets).
 */
export type Environment = Readonly<Record<string, string | undefined>>;

export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  return Object.freeze({ ...source });
}

export class SecretFileError extends Error {}

/** `NAME`, else the trimmed contents of the file named by `NAME_FILE`, else undefined. */
export function readSecret(env: Environment, name: string): string | undefined {
  const direct = env[name];
  if (direct !== undefined && direct !== '') return direct;
  const file = env[`${name}_FILE`];
  if (!file) return undefined;
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value === '' ? undefined : value;
  } catch (error) {
    throw new SecretFileError(
      `${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
