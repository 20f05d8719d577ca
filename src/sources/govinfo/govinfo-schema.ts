import { z } from 'zod';

/** The parts of a GovInfo `POST /search` answer banwatch reads (`{results[], offsetMark, count}`). */
const result = z.object({
  packageId: z.string().min(1),
  title: z.string().nullish(),
  lastModified: z.string().nullish(),
  dateIssued: z.string().nullish(),
  collectionCode: z.string().nullish(),
  download: z.object({ xmlLink: z.string().nullish(), txtLink: z.string().nullish() }).partial().nullish(),
});
export type GovinfoResult = z.output<typeof result>;

export const searchAnswer = z.object({
  results: z.array(result).default([]),
  // The mark of the next page; absent or repeated on the last one.
  offsetMark: z.string().nullish(),
  count: z.number().nullish(),
});

const BILL_PACKAGE = /^BILLS-(\d{2,3})(hr|s|hjres|sjres|hconres|sconres|hres|sres)(\d+)([a-z]+)$/i;

/** `BILLS-116hr264eh` -> `hr264-116` (the version, `eh`, is dropped: the bill is tracked, not the print). */
export function billIdOfPackage(packageId: string): string | undefined {
  const match = BILL_PACKAGE.exec(packageId);
  return match ? `${(match[2] as string).toLowerCase()}${Number(match[3])}-${Number(match[1])}` : undefined;
}
