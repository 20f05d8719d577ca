import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';
import { NODE_FLAGS } from '../../src/shared/node-flags.js';

/**
 * No Docker engine runs on this project's machines, so what can be checked without one is:
 * every path the Dockerfile copies exists, its start command works outside the container, and
 * the compose file runs banwatch on Redis with a health check that banwatch serves.
 */
const ROOT = resolve(__dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

describe('Dockerfile', () => {
  it('builds on Node 20 in two stages and runs as a non-root user with /data as a volume', () => {
    expect(instructions.filter((line) => line.startsWith('FROM ')).map((line) => line.split(/\s+/)[1])).toEqual([
      'node:20-bookworm-slim',
      'node:20-bookworm-slim',
    ]);
    expect(instructions).toContain('USER node');
    expect(instructions).toContain('VOLUME ["/data"]');
    expect(dockerfile).toContain('BANWATCH_STORE=sqlite:///data/banwatch.sqlite');
    expect(dockerfile).toMatch(/npm ci && npm prune --omit=dev/);
  });

  it('copies only paths that exist in the repository', () => {
    const copies = instructions.filter((line) => line.startsWith('COPY ') && !line.includes('--from='));
    expect(copies.length).toBeGreaterThanOrEqual(4);
    for (const copy of copies) {
      const sources = copy.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(existsSync(join(ROOT, source)), `${copy}: ${source}`).toBe(true);
    }
  });

  it('starts a command that works outside the container, and checks /healthz', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(instructions.join('\n'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...NODE_FLAGS, 'bin/banwatch.js', 'run']);
    // The same entry point, asked to validate the baked-in config instead of running forever.
    const out = execFileSync(process.execPath, ['bin/banwatch.js', 'config', 'check'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', BANWATCH_STORE: 'sqlite:///tmp/banwatch-docker-check.sqlite' },
      encoding: 'utf8',
    });
    expect(out).toMatch(/config\/default\.yaml: valid/);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/healthz/s);
  });
});

describe('node flags', () => {
  it('starts the bot with the same Node flags from npm, and benches it with them', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const flags = NODE_FLAGS.join(' ');
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of NODE_FLAGS) expect(flag).toMatch(/^--[a-z-]+=\d+$/);
    expect(scripts.start).toBe(`node ${flags} bin/banwatch.js run`);
    expect(scripts.bench).toMatch(new RegExp(`&& node ${flags} dist-bench/bench/run-bench\\.js$`));
    // The commands the docs give people who start the bot themselves.
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`node ${flags} bin/banwatch.js run`);
    expect(readFileSync(join(ROOT, 'docs', 'scaling.md'), 'utf8')).toContain(`flags="${flags}"`);
  });

  it('starts node with those flags (node refuses a flag it does not know)', () => {
    const out = execFileSync(process.execPath, [...NODE_FLAGS, 'bin/banwatch.js', 'config', 'check'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', BANWATCH_STORE: 'sqlite:///tmp/banwatch-flags-check.sqlite' },
      encoding: 'utf8',
    });
    expect(out).toMatch(/config\/default\.yaml: valid/);
  });
});

describe('docker-compose.yml', () => {
  it('runs banwatch on Redis, with Redis healthy first and the config mounted', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<
        string,
        {
          build?: string;
          image?: string;
          environment?: Record<string, string>;
          depends_on?: Record<string, { condition: string }>;
          volumes?: string[];
          healthcheck?: unknown;
        }
      >;
    };
    const banwatch = compose.services.banwatch;
    expect(banwatch?.build).toBe('.');
    expect(banwatch?.environment?.BANWATCH_STORE).toBe('redis://redis:6379');
    expect(banwatch?.depends_on?.redis?.condition).toBe('service_healthy');
    expect(banwatch?.volumes).toContain('./config:/app/config:ro');
    expect(compose.services.redis?.image).toMatch(/^redis:7/);
    expect(compose.services.redis?.healthcheck).toBeDefined();
  });
});
