import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/shared/errors.js';

/** Config files written to a temporary folder, and the problems loading one reports. */
export function configFiles(prefix: string): {
  dir: string;
  file: (yaml: string) => string;
  problems: (yaml: string, env?: Record<string, string>) => string[];
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  const file = (yaml: string) => {
    const path = join(dir, `c${n++}.yaml`);
    writeFileSync(path, yaml);
    return path;
  };
  return {
    dir,
    file,
    problems: (yaml, env = {}) => {
      try {
        loadConfig({ file: file(yaml), env });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      throw new Error('expected a ConfigError');
    },
  };
}
