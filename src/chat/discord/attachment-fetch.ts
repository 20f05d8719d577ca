import type { Upload } from '../../commands/command.js';
import { MAX_INVENTORY_BYTES } from '../../commands/handlers/inventory-csv.js';
import { UserError } from '../../shared/errors.js';
import { createFeedFetcher, type FeedFetcher } from '../../shared/http/feed-fetcher.js';
import { maskUrl } from '../../shared/mask-url.js';

/** An attachment as an interaction's `data.resolved.attachments` describes it. */
export interface RawAttachment {
  id: string;
  filename?: string;
  size?: number;
  url?: string;
  content_type?: string;
}

export type AttachmentReader = (attachment: RawAttachment) => Promise<Upload>;

/** Where Discord serves attachments; nothing else is fetched. */
export const DISCORD_CDN_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

export interface AttachmentReaderOptions {
  /** Origins attachment URLs must start with (Discord's CDN unless a test points elsewhere). */
  origins?: readonly string[];
  /** The fetcher; by default one that refuses private addresses, follows no redirect, reads at most the size cap. */
  fetcher?: FeedFetcher;
}

/**
 * Reads a CSV attached to a command. The interaction says where the file is, and an interaction
 * is signed by Discord, yet the URL is still checked: only Discord's CDN origins, over the
 * fetcher that refuses private addresses at every connection, no redirects, and no more than
 * the import's size cap (checked on the size Discord reports, then again while reading).
 */
export function attachmentReader(options: AttachmentReaderOptions = {}): {
  read: AttachmentReader;
  close(): Promise<void>;
} {
  const origins = options.origins ?? DISCORD_CDN_ORIGINS;
  const fetcher =
    options.fetcher ??
    createFeedFetcher({
      allowPrivateNetworks: false,
      maxRedirects: 0,
      maxBytes: MAX_INVENTORY_BYTES,
      timeoutMs: 15_000,
    });
  const read: AttachmentReader = async (attachment) => {
    const name = (attachment.filename ?? 'attachment').slice(0, 100);
    if (!/\.(csv|txt)$/i.test(name) && !(attachment.content_type ?? '').startsWith('text/'))
      throw new UserError('BAD_CSV', `${name} is not a CSV file; attach the supplier list as .csv.`);
    if ((attachment.size ?? 0) > MAX_INVENTORY_BYTES)
      throw new UserError('BAD_CSV', `${name} is larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MB; split it.`);
    const url = attachment.url ?? '';
    if (!origins.some((origin) => url.startsWith(`${origin}/`)))
      throw new UserError('NO_UPLOAD', `banwatch reads attachments only from Discord's CDN, not ${maskUrl(url)}.`);
    const outcome = await fetcher.fetch(url);
    if (!outcome.ok || outcome.notModified)
      throw new UserError(
        'NO_UPLOAD',
        `banwatch could not read ${name} from Discord (${outcome.ok ? 'no body' : outcome.failure.kind}); attach it again.`,
      );
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    try {
      return { name, text: text.decode(outcome.body) };
    } catch {
      throw new UserError('BAD_CSV', `${name} is not UTF-8 text; save it as CSV UTF-8 and attach it again.`);
    }
  };
  return { read, close: () => fetcher.close() };
}
