import { billEntryKeys, channelSchema, configSchema, digestKeys, sectionKeys, sourceKeysByType } from './schema.js';

const top = Object.keys(configSchema.shape);
const allSourceKeys = [...new Set(Object.values(sourceKeysByType).flat())];
const channelKeys = Object.keys(channelSchema.shape);

function sourceType(document: unknown, index: number): string | undefined {
  const sources = (document as { sources?: unknown } | null)?.sources;
  const source = Array.isArray(sources) ? (sources[index] as { type?: unknown } | undefined) : undefined;
  return typeof source?.type === 'string' ? source.type : undefined;
}

/**
 * The keys the schema knows at a path, for "did you mean" hints on unknown keys. With the
 * parsed file, a source's hints come from its own type (`terms` for federal-register).
 */
export function knownKeysAt(path: readonly PropertyKey[], document?: unknown): string[] {
  const [head, index, field] = path;
  if (head === undefined) return top;
  if (head === 'sources' && typeof index === 'number') {
    if (field === 'bills' && path.length === 4) return billEntryKeys;
    return sourceKeysByType[sourceType(document, index) ?? ''] ?? allSourceKeys;
  }
  if (head === 'channels' && typeof index === 'number')
    return field === 'digest' && path.length === 4 ? digestKeys : channelKeys;
  return sectionKeys[String(head)] ?? [];
}
