import { channelSchema, configSchema, sourceSchema } from './schema.js';

const top = Object.keys(configSchema.shape);
const sourceKeys = [...new Set(sourceSchema.options.flatMap((option) => Object.keys(option.shape)))];
const channelKeys = Object.keys(channelSchema.shape);
const nested: Record<string, string[]> = { admins: ['slack', 'discord'], delivery: ['interval', 'maxAttempts'] };

/** The keys the schema knows at a path, for "did you mean" hints on unknown keys. */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  const [head, index] = path;
  if (head === undefined) return top;
  if (head === 'sources' && typeof index === 'number') return sourceKeys;
  if (head === 'channels' && typeof index === 'number') return channelKeys;
  return nested[String(head)] ?? [];
}
