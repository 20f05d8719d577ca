import { z } from 'zod';

/**
 * The parts of a Federal Register API v1 `documents.json` result banwatch reads. Each result
 * is checked on its own: one odd document is skipped, not the whole response.
 */
const agency = z.object({ name: z.string().nullish(), raw_name: z.string().nullish(), slug: z.string().nullish() });

export const frDocument = z.object({
  document_number: z.string().min(1),
  title: z.string().nullish(),
  abstract: z.string().nullish(),
  type: z.string().nullish(),
  action: z.string().nullish(),
  effective_on: z.string().nullish(),
  publication_date: z.string().nullish(),
  regulation_id_numbers: z.array(z.string()).nullish(),
  docket_ids: z.array(z.string()).nullish(),
  html_url: z.string().nullish(),
  citation: z.string().nullish(),
  volume: z.number().nullish(),
  start_page: z.number().nullish(),
  end_page: z.number().nullish(),
  agencies: z.array(agency).nullish(),
});
export type FrDocument = z.output<typeof frDocument>;

export const frSearch = z.object({
  count: z.number().nullish(),
  // Absent when nothing matched.
  results: z.array(z.unknown()).nullish(),
});

/** The fields requested with `fields[]`: only what banwatch reads comes over the wire. */
export const FR_FIELDS = [
  'title',
  'abstract',
  'type',
  'action',
  'effective_on',
  'publication_date',
  'regulation_id_numbers',
  'docket_ids',
  'document_number',
  'html_url',
  'citation',
  'volume',
  'start_page',
  'end_page',
  'agencies',
] as const;
