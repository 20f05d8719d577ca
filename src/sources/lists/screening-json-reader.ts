import { z } from 'zod';
import { digest } from '../../domain/hash.js';
import type { ListEntry } from '../../domain/list-entry.js';
import { ListFormatError } from './list-format-error.js';
import { firstCitation, listSelected, shortListName } from './list-names.js';

const text = z.string().nullish();
const textList = z.union([z.array(z.string().nullish()), z.string()]).nullish();
const record = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  _id: z.union([z.string(), z.number()]).nullish(),
  entity_number: z.union([z.string(), z.number()]).nullish(),
  source: z.string(),
  name: z.string(),
  type: text,
  alt_names: textList,
  programs: textList,
  addresses: z.array(z.looseObject({ address: text, city: text, country: text })).nullish(),
  federal_register_notice: text,
  start_date: text,
});

function strings(value: z.infer<typeof textList>): string[] {
  if (!value) return [];
  const parts = typeof value === 'string' ? value.split(/;\s*/) : value;
  return parts.flatMap((part) => (part && part.trim() ? [part.trim()] : []));
}

/**
 * The Consolidated Screening List as JSON: trade.gov's consolidated.json (`{results: [...]}`) or
 * the CSL API's bare array of records. The JSON download is a few MB, so it is parsed whole (the
 * byte cap bounds it); the large files are the CSV and SDN XML, which are streamed.
 */
export async function* readScreeningJson(
  chunks: AsyncIterable<string>,
  filter: readonly string[] = [],
): AsyncGenerator<ListEntry> {
  let body = '';
  for await (const chunk of chunks) body += chunk;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ListFormatError('the file is not valid JSON');
  }
  const results = Array.isArray(data) ? data : (data as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) throw new ListFormatError('the JSON has no results array');
  for (const raw of results) {
    const parsed = record.safeParse(raw);
    if (!parsed.success) continue;
    const r = parsed.data;
    const list = shortListName(r.source);
    if (!listSelected(filter, list, r.source)) continue;
    const addresses = (r.addresses ?? []).map((a) => [a.address, a.city, a.country].filter(Boolean).join(', '));
    const own = r.entity_number ?? r._id ?? r.id;
    const id =
      own !== null && own !== undefined && own !== ''
        ? String(own)
        : digest(`${list}|${r.name}|${addresses.join('; ')}`);
    const aliases = strings(r.alt_names);
    const programs = strings(r.programs);
    const countries = [...new Set((r.addresses ?? []).flatMap((a) => (a.country ? [a.country] : [])))];
    const citation = firstCitation(r.federal_register_notice ?? undefined);
    const since = /^\d{4}-\d{2}-\d{2}/.exec(r.start_date ?? '')?.[0];
    yield {
      id,
      list,
      name: r.name.trim(),
      ...(aliases.length ? { aliases } : {}),
      ...(r.type ? { type: r.type } : {}),
      ...(programs.length ? { programs } : {}),
      ...(countries.length ? { countries } : {}),
      ...(citation ? { citation } : {}),
      ...(since ? { since } : {}),
    };
  }
}
