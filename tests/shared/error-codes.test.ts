import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, exitStatus } from '../../src/shared/error-codes.js';
import { PACKAGE_ROOT } from '../../src/config/load-config.js';

describe('error codes', () => {
  it('are all documented in the README with their exit status', () => {
    const readme = readFileSync(`${PACKAGE_ROOT}/README.md`, 'utf8');
    const documented = new Map(
      [...readme.matchAll(/^\| `([A-Z_]+)` \| ([12]) \|/gm)].map((match) => [match[1] ?? '', Number(match[2])]),
    );
    for (const code of Object.keys(ERROR_CODES) as Array<keyof typeof ERROR_CODES>) {
      expect(documented.get(code), code).toBe(exitStatus(code));
    }
    expect([...documented.keys()].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });

  it('exit 2 exactly when the words or the configuration were wrong', () => {
    expect(exitStatus('USAGE')).toBe(2);
    expect(exitStatus('CONFIG_INVALID')).toBe(2);
    expect(exitStatus('NOT_ADMIN')).toBe(1);
    expect(exitStatus('STORE_UNAVAILABLE')).toBe(1);
  });
});
