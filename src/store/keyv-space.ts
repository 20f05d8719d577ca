import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { StoreError } from '../shared/errors.js';
import type { KeyValueSpace } from './backend.js';

/**
 * keyv's default text format (@keyv/serialize: JSON, with one more ':' before any string value
 * that starts with ':'), written by the built-in JSON.stringify, which is several times faster
 * on the larger documents (poll traces) than the default's own walk. Same text, so data stored
 * by either reads back through keyv's default deserializer.
 */
const escapeColonStrings = (_key: string, value: unknown): unknown =>
  typeof value === 'string' && value.startsWith(':') ? `:${value}` : value;
/** A string token starting with ':' (a key ending in ':' or ',' also matches; that only costs the slow path). */
const COLON_LED_STRING = /(?:^|[[:,])\s*":/;
export const serializeForKeyv = (data: unknown): string => {
  const plain = JSON.stringify(data) ?? 'null';
  // Almost no document holds a colon-led string: the replacer pass is only paid when one does.
  return COLON_LED_STRING.test(plain) ? (JSON.stringify(data, escapeColonStrings) ?? 'null') : plain;
};

/** keyv's default reading: one ':' less before a colon-led string, `:base64:` strings as Buffers. */
const unescapeColonStrings = (_key: string, value: unknown): unknown => {
  if (typeof value !== 'string' || !value.startsWith(':')) return value;
  return value.startsWith(':base64:') ? Buffer.from(value.slice(8), 'base64') : value.slice(1);
};
/**
 * Reads what keyv's default serializer (or `serializeForKeyv`) wrote, as its default
 * deserializer does; the reviver that undoes the escaping runs only when the text holds a
 * colon-led string, because it costs more than the parse itself on a feed's state.
 */
export const deserializeFromKeyv = <T>(text: string): T =>
  (COLON_LED_STRING.test(text) ? JSON.parse(text, unescapeColonStrings) : JSON.parse(text)) as T;

/**
 * A KeyValueSpace on keyv. `throwOnErrors` makes a store that went away fail the call
 * instead of keyv's default of emitting an event and answering `undefined`, which would
 * look like "nothing stored" and silently repeat work.
 */
export function keyvSpace(
  adapter: KeyvStoreAdapter,
  namespace: string,
  backendName: string,
  options: { keyPrefix?: string; adapterPrefixes?: boolean } = {},
): KeyValueSpace & { keyv: Keyv } {
  // keyv hands its own namespace to the adapter, so the full prefix (installation + space) goes
  // here; an adapter that prefixes keys itself (Redis) needs keyv not to do it a second time.
  const keyv = new Keyv({
    store: adapter,
    namespace: options.keyPrefix ?? namespace,
    throwOnErrors: true,
    useKeyPrefix: !options.adapterPrefixes,
    serialize: serializeForKeyv,
    deserialize: deserializeFromKeyv,
  });
  // keyv re-emits adapter errors; without a listener an 'error' event would crash the process.
  keyv.on('error', () => undefined);
  const guard = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`${backendName} store: ${operation} failed in ${namespace}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  return {
    keyv,
    get: <T>(key: string) => guard('get', async () => (await keyv.get<T>(key)) ?? undefined),
    getMany: <T>(keys: readonly string[]) =>
      guard('getMany', async () =>
        keys.length ? ((await keyv.getMany<T>([...keys])) as Array<T | undefined>).map((v) => v ?? undefined) : [],
      ),
    set: (key, value, ttlMs) =>
      guard('set', async () => {
        await keyv.set(key, value, ttlMs);
      }),
    delete: (key) =>
      guard('delete', async () => {
        await keyv.delete(key);
      }),
  };
}
