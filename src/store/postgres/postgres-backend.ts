import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';
import type { Clock } from '../../domain/clock.js';
import { StoreError } from '../../shared/errors.js';
import type { ClaimSpace, KeyValueSpace, OrderedSpace, QueueSpace, StoreBackend } from '../backend.js';
import { keyvSpace } from '../keyv-space.js';
import { redactUrl, splitStoreUrl } from '../store-url.js';
import { postgresClaims } from './postgres-claims.js';
import { postgresOrdered } from './postgres-ordered.js';
import { postgresQueue, postgresQueueSchema } from './postgres-queue.js';

/** Rows removed per statement by the sweep, and statements per table per sweep (1 M rows). */
const SWEEP_SLICE = 2_000;
const SWEEP_MAX_SLICES = 500;

/** Short timeouts: an unreachable database fails the call promptly instead of queueing it. */
const POOL_OPTIONS = { connectionTimeoutMillis: 5_000, query_timeout: 15_000, max: 10 };

/**
 * PostgreSQL: keyv documents through @keyv/postgres (a table per namespace), claims and
 * ordered spaces in two tables on a pool of our own (`INSERT ... ON CONFLICT DO NOTHING`).
 * `?schema=NAME` in the URL keeps everything in that schema.
 */
export async function openPostgresBackend(storeUrl: string, clock: Clock): Promise<StoreBackend> {
  const { url, value: schema = 'public' } = splitStoreUrl(storeUrl, 'schema');
  const pool = new pg.Pool({ connectionString: url, ...POOL_OPTIONS });
  // An idle client losing its connection emits on the pool; without a listener it would crash.
  pool.on('error', () => undefined);
  const q = `"${schema}"`;
  try {
    await pool.query(`
      CREATE SCHEMA IF NOT EXISTS ${q};
      CREATE TABLE IF NOT EXISTS ${q}.banwatch_claims (
        ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires BIGINT NOT NULL, PRIMARY KEY (ns, key));
      CREATE INDEX IF NOT EXISTS banwatch_claims_expires ON ${q}.banwatch_claims (expires);
      CREATE TABLE IF NOT EXISTS ${q}.banwatch_entries (
        seq BIGSERIAL PRIMARY KEY, ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (ns, key));
      CREATE INDEX IF NOT EXISTS banwatch_entries_ns_seq ON ${q}.banwatch_entries (ns, seq);
      ${postgresQueueSchema(`${q}.banwatch_queue`, 'banwatch_queue_group')}`);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`PostgreSQL store ${redactUrl(url)} is unreachable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const query = async <R extends pg.QueryResultRow>(what: string, sql: string, params: unknown[] = []) => {
    try {
      return await pool.query<R>(sql, params);
    } catch (error) {
      throw new StoreError(`PostgreSQL store: ${what} failed: ${(error as Error).message}`, { cause: error });
    }
  };
  const spaces = new Map<string, KeyValueSpace>();
  const adapters: KeyvPostgres[] = [];
  return {
    kind: 'postgres',
    keyValue(namespace) {
      let space = spaces.get(namespace);
      if (!space) {
        const adapter = new KeyvPostgres({ uri: url, schema, table: `kv_${namespace}`, ...POOL_OPTIONS });
        adapter.on('error', () => undefined);
        adapters.push(adapter);
        space = keyvSpace(adapter, namespace, 'PostgreSQL');
        spaces.set(namespace, space);
      }
      return space;
    },
    claims(namespace): ClaimSpace {
      return postgresClaims(query, `${q}.banwatch_claims`, namespace, clock);
    },
    ordered<T>(namespace: string): OrderedSpace<T> {
      return postgresOrdered<T>(query, `${q}.banwatch_entries`, namespace);
    },
    queue<T>(namespace: string): QueueSpace<T> {
      return postgresQueue<T>(query, `${q}.banwatch_queue`, namespace);
    },
    ping: async () => void (await query('ping', 'SELECT 1')),
    // Each statement commits on its own before it resolves.
    flush: async () => undefined,
    async sweep() {
      const now = clock.now().getTime();
      // In slices, so no statement holds locks on millions of rows; what a run leaves, the
      // next (an hour later) takes. keyv documents are only dropped by keyv when read again.
      const slices = async (sql: string) => {
        for (let slice = 0; slice < SWEEP_MAX_SLICES; slice++)
          if (((await query('sweep', sql, [now, SWEEP_SLICE])).rowCount ?? 0) < SWEEP_SLICE) return;
      };
      await slices(
        `DELETE FROM ${q}.banwatch_claims WHERE (ns, key) IN (SELECT ns, key FROM ${q}.banwatch_claims WHERE expires <= $1 LIMIT $2)`,
      );
      for (const namespace of spaces.keys()) {
        // Named as @keyv/postgres names it (unquoted), and only once it has created the table.
        const table = `${schema}.kv_${namespace}`;
        const exists = await query<{ t: string | null }>('sweep', 'SELECT to_regclass($1) AS t', [table]);
        if (!exists.rows[0]?.t) continue;
        await slices(
          `DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE value LIKE '%"expires":%' AND (value::jsonb->>'expires') ~ '^[0-9]+$' AND (value::jsonb->>'expires')::bigint <= $1 LIMIT $2)`,
        );
      }
    },
    async close() {
      // @keyv/postgres keeps one module-wide pool for all its adapters; ending it once is enough.
      await adapters[0]?.disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
