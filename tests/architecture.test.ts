import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module rules of docs/architecture.md, checked on every test run: imports point inward,
 * platform code stays in its folder, nothing but src/config reads the environment, files stay
 * small.
 */
const SRC = resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The layer of a file: its first folder under src (chat/<platform> counts as its own). */
function layer(path: string): string {
  const parts = relative(SRC, path).replace(/\.js$/, '.ts').split('/');
  if (parts.length === 1) return parts[0] as string;
  return parts[0] === 'chat' ? `chat/${parts[1]}` : (parts[0] as string);
}

const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  shared: ['domain', 'shared'],
  config: ['domain', 'shared', 'config'],
  sources: ['domain', 'shared', 'sources'],
  classify: ['domain', 'shared', 'classify'],
  store: ['domain', 'shared', 'store'],
  commands: ['domain', 'shared', 'commands'],
  pipeline: ['domain', 'shared', 'pipeline'],
  // Services the process runs (HTTP server, health and metrics routes, the delivery queue, the
  // parser pool): they serve the pipeline and the chat routes but never build or wire the app.
  runtime: ['domain', 'shared', 'pipeline', 'sources', 'chat/platform.ts', 'runtime'],
  // The dashboard: another face over the read models the command handlers answer from; it renders
  // and never owns state, so it reads the domain's ports and the commands' read models only.
  web: ['domain', 'shared', 'commands', 'web'],
  'chat/webhook': ['domain', 'shared', 'chat/webhook'],
  'chat/console': ['domain', 'shared', 'chat/console'],
  'chat/platform.ts': ['domain', 'shared', 'commands'],
  'chat/slack': ['domain', 'shared', 'commands', 'chat/slack', 'chat/webhook', 'chat/platform.ts'],
  'chat/discord': ['domain', 'shared', 'commands', 'chat/discord', 'chat/webhook', 'chat/platform.ts'],
};
const COMPOSITION = new Set(['main.ts', 'cli.ts', 'app', 'cli']);

const sources = files(SRC);
const importsOf = (path: string) =>
  [
    ...readFileSync(path, 'utf8').matchAll(
      /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);

describe('architecture', () => {
  it('has a rule for every folder under src', () => {
    const unknown = [...new Set(sources.map(layer))].filter((l) => !ALLOWED[l] && !COMPOSITION.has(l));
    expect(unknown).toEqual([]);
  });

  it('keeps imports pointing inward', () => {
    const violations: string[] = [];
    for (const file of sources) {
      const from = layer(file);
      const allowed = ALLOWED[from];
      if (!allowed) continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) {
          if (from === 'domain') violations.push(`${relative(SRC, file)} imports package ${spec} (domain is pure)`);
          continue;
        }
        const target = layer(resolve(dirname(file), spec));
        if (!allowed.includes(target))
          violations.push(`${relative(SRC, file)} -> ${spec} (${from} may not import ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the webhook notifiers off the bot clients: every command that delivers loads them', () => {
    // @discordjs/rest alone added 27 MB to each poll --once (issue 24's cold peak RSS).
    const runtimeImports = (path: string) =>
      [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
        (m) => m[1] as string,
      );
    const reached = new Set<string>();
    const packages = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const spec of runtimeImports(file)) {
        if (spec.startsWith('.')) walk(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
        else packages.add(spec);
      }
    };
    walk(join(SRC, 'chat', 'discord', 'discord-webhook-notifier.ts'));
    walk(join(SRC, 'chat', 'slack', 'slack-webhook-notifier.ts'));
    expect(reached.size).toBeGreaterThan(3);
    expect([...packages].filter((p) => /^(@discordjs\/|discord\.js|@slack\/)/.test(p))).toEqual([]);
  });

  it('reads process.env only in src/config', () => {
    const readers = sources.filter((f) => layer(f) !== 'config' && /process\.env/.test(readFileSync(f, 'utf8')));
    expect(readers.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('keeps every file under 400 lines and names files in kebab-case', () => {
    const long = sources.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400).map((f) => relative(SRC, f));
    const badNames = sources
      .filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/.test(f.split('/').pop() as string))
      .map((f) => relative(SRC, f));
    expect({ long, badNames }).toEqual({ long: [], badNames: [] });
  });
});
