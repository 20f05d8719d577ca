#!/usr/bin/env node
// Thin launcher: the command lives in dist/cli.js, compiled from src/ by `npm install` (prepare).
/* global process, URL -- Node globals; ESLint's config declares none for plain .js files */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('banwatch is not built yet: run `npm install` (or `npm run build`) in the repository first.\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2), { ownProcess: true });
