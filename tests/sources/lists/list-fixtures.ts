import { createReadStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ListEntry } from '../../../src/domain/list-entry.js';

/** The real list files in tests/fixtures/lists (provenance in SOURCES.txt there). */
export const LIST_FIXTURES = resolve(__dirname, '..', '..', 'fixtures', 'lists');

export function listFixture(name: string): string {
  return readFileSync(join(LIST_FIXTURES, name), 'utf8');
}

export function listFixtureBytes(name: string): Buffer {
  return readFileSync(join(LIST_FIXTURES, name));
}

/** The file as a stream of text chunks (64 KiB), the way a download reaches a reader. */
export function fixtureText(name: string): AsyncIterable<string> {
  return createReadStream(join(LIST_FIXTURES, name), { encoding: 'utf8' }) as AsyncIterable<string>;
}

export async function* textOf(text: string, chunkSize = 1000): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
}

export async function collect(entries: AsyncIterable<ListEntry>): Promise<ListEntry[]> {
  const out: ListEntry[] = [];
  for await (const entry of entries) out.push(entry);
  return out;
}
