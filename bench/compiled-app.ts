import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIST_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/**
 * The app as users run it: the compiled build (`npm run bench` builds it first), so its parser
 * threads start as plain JavaScript, without the TypeScript loader this bench runs under.
 */
export async function compiledApp(): Promise<typeof import('../src/main.js')> {
  if (!existsSync(DIST_MAIN)) throw new Error('dist/main.js is missing: run `npm run build` (npm run bench does) first');
  return (await import(pathToFileURL(DIST_MAIN).href)) as typeof import('../src/main.js');
}
