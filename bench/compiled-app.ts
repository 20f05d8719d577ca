import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/shared/package-root.js';
import type * as Main from '../src/main.js';

const DIST_MAIN = join(packageRoot(import.meta.url), 'dist', 'main.js');

/**
 * The app as users run it: the compiled build (`npm run bench` builds it first), so its parser
 * threads start as plain JavaScript, without a TypeScript loader, even when a bench file is run
 * through tsx.
 */
export async function compiledApp(): Promise<typeof Main> {
  if (!existsSync(DIST_MAIN))
    throw new Error('dist/main.js is missing: run `npm run build` (npm run bench does) first');
  return (await import(pathToFileURL(DIST_MAIN).href)) as typeof Main;
}
