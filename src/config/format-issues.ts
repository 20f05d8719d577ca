import type { z } from 'zod';
import { closest } from '../shared/suggest.js';

/** `sources[2].interval` from `['sources', 2, 'interval']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

/**
 * One line per problem, `path: message`. Unknown keys name the closest known key, so a typo
 * like `intervall` says "did you mean `interval`?".
 */
export function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  knownKeys: (path: readonly PropertyKey[]) => string[],
): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = closest(key, knownKeys(issue.path));
        const hint = suggestion ? ` (did you mean \`${suggestion}\`?)` : '';
        lines.push(`${formatPath([...issue.path, key])}: unknown key${hint}`);
      }
      continue;
    }
    lines.push(`${formatPath(issue.path)}: ${issue.message}`);
  }
  return lines;
}
