import { z } from 'zod';

/**
 * The parts of LegiScan API answers banwatch reads. Lenient like the other government schemas:
 * unknown fields are ignored, so a new field upstream never breaks a poll. LegiScan answers
 * errors with HTTP 200 and `status: "ERROR"`, which is why every answer is read as a union.
 */
const id = z.union([z.number(), z.string()]).transform((value) => Number(value));

const errorAnswer = z.object({
  status: z.literal('ERROR'),
  alert: z.object({ message: z.string().nullish() }).nullish(),
});

export const searchHit = z.object({
  bill_id: id,
  state: z.string(),
  bill_number: z.string(),
  change_hash: z.string(),
  title: z.string().nullish(),
  last_action_date: z.string().nullish(),
  last_action: z.string().nullish(),
  url: z.string().nullish(),
});
export type SearchHit = z.output<typeof searchHit>;

/**
 * getSearch: `searchresult` is an object whose keys are "summary" and "0", "1", ... (not an
 * array), as LegiScan's JSON renders a PHP list.
 */
export const searchAnswer = z.union([
  errorAnswer,
  z.object({
    status: z.literal('OK'),
    searchresult: z
      .object({ summary: z.object({ count: z.number().nullish(), page_total: z.number().nullish() }).nullish() })
      .catchall(z.unknown()),
  }),
]);

const masterEntry = z.object({ bill_id: id, number: z.string().nullish(), change_hash: z.string() });
export type MasterEntry = z.output<typeof masterEntry>;

/** getMasterListRaw: `masterlist` keyed "session", "0", "1", ...: bill ids and change hashes only. */
export const masterListAnswer = z.union([
  errorAnswer,
  z.object({ status: z.literal('OK'), masterlist: z.record(z.string(), z.unknown()) }),
]);
export const masterListEntry = masterEntry;

const progressEvent = z.object({ date: z.string(), event: id });
const historyEntry = z.object({
  date: z.string(),
  action: z.string(),
  chamber: z.string().nullish(),
  importance: id.nullish(),
});

const billRecord = z.object({
  bill_id: id,
  change_hash: z.string(),
  session_id: id.nullish(),
  session: z
    .object({
      session_id: id,
      session_name: z.string().nullish(),
      year_start: id,
      year_end: id.nullish(),
      special: id.nullish(),
    })
    .nullish(),
  url: z.string().nullish(),
  state_link: z.string().nullish(),
  status: id.nullish(),
  status_date: z.string().nullish(),
  progress: z.array(progressEvent).default([]),
  state: z.string(),
  bill_number: z.string(),
  body: z.string().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  history: z.array(historyEntry).default([]),
});
export type LegiscanBill = z.output<typeof billRecord>;
export type ProgressEvent = z.output<typeof progressEvent>;
export type HistoryEntry = z.output<typeof historyEntry>;

export const billAnswer = z.union([errorAnswer, z.object({ status: z.literal('OK').optional(), bill: billRecord })]);

/** The numbered entries of a PHP-list-shaped object, in key order, each checked against `schema`. */
export function numberedEntries<S extends z.ZodType>(record: Record<string, unknown>, schema: S): z.output<S>[] {
  return Object.keys(record)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .flatMap((key) => {
      const parsed = schema.safeParse(record[key]);
      return parsed.success ? [parsed.data] : [];
    });
}
