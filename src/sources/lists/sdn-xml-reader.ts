import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ListEntry } from '../../domain/list-entry.js';
import { ListFormatError } from './list-format-error.js';

interface Draft {
  uid: string;
  first: string;
  last: string;
  type: string;
  programs: string[];
  akas: string[];
  countries: string[];
  aka?: { first: string; last: string };
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function fullName(last: string, first: string): string {
  return first ? `${last.trim()}, ${first.trim()}` : last.trim();
}

/**
 * OFAC's SDN.XML (`sdnList` > `sdnEntry`), read with saxes as the bytes arrive: only the entry
 * being read is held, so the tens of MB of the full file never sit in memory as text or tree.
 * The id is the entry's `uid`. Individuals are named "LAST, First" as in OFAC's CSV.
 */
export async function* readSdnXml(
  chunks: AsyncIterable<string>,
  programs: readonly string[] = [],
): AsyncGenerator<ListEntry> {
  const wanted = new Set(programs.map((p) => p.toUpperCase()));
  const parser = new SaxesParser({ xmlns: false });
  const path: string[] = [];
  const ready: ListEntry[] = [];
  let draft: Draft | undefined;
  let textBuffer = '';
  let rootSeen = false;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (!rootSeen) {
      rootSeen = true;
      if (name !== 'sdnList') throw new ListFormatError(`expected an sdnList document, found <${tag.name}>`);
    }
    path.push(name);
    textBuffer = '';
    if (name === 'sdnEntry' && path.length === 2)
      draft = { uid: '', first: '', last: '', type: '', programs: [], akas: [], countries: [] };
    else if (draft && name === 'aka') draft.aka = { first: '', last: '' };
  });
  parser.on('text', (text) => {
    if (draft) textBuffer += text;
  });
  parser.on('closetag', () => {
    const name = path.pop() ?? '';
    const parent = path[path.length - 1];
    const value = textBuffer.trim();
    textBuffer = '';
    if (!draft) return;
    if (parent === 'sdnEntry') {
      if (name === 'uid') draft.uid = value;
      else if (name === 'firstName') draft.first = value;
      else if (name === 'lastName') draft.last = value;
      else if (name === 'sdnType') draft.type = value;
    } else if (parent === 'programList' && name === 'program') draft.programs.push(value);
    else if (parent === 'aka' && draft.aka) {
      if (name === 'firstName') draft.aka.first = value;
      else if (name === 'lastName') draft.aka.last = value;
    } else if (parent === 'address' && name === 'country') {
      if (!draft.countries.includes(value)) draft.countries.push(value);
    }
    if (name === 'aka' && draft.aka) {
      if (draft.aka.last) draft.akas.push(fullName(draft.aka.last, draft.aka.first));
      delete draft.aka;
    }
    if (name === 'sdnEntry') {
      const done = draft;
      draft = undefined;
      if (!done.uid || !done.last) return;
      if (wanted.size && !done.programs.some((p) => wanted.has(p.toUpperCase()))) return;
      ready.push({
        id: done.uid,
        list: 'SDN',
        name: fullName(done.last, done.first),
        ...(done.akas.length ? { aliases: done.akas } : {}),
        ...(done.type ? { type: done.type } : {}),
        ...(done.programs.length ? { programs: done.programs } : {}),
        ...(done.countries.length ? { countries: done.countries } : {}),
      });
    }
  });

  try {
    for await (const chunk of chunks) {
      parser.write(chunk);
      while (ready.length) yield ready.shift() as ListEntry;
    }
    parser.close();
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    throw new ListFormatError(`the SDN XML is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
  while (ready.length) yield ready.shift() as ListEntry;
  if (!rootSeen) throw new ListFormatError('the file is empty');
}
