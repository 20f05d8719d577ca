import type { Channel } from '../../domain/channel.js';
import type { DigestInbox } from '../../domain/digest.js';
import { nextDigestAt } from '../../domain/digest-schedule.js';
import { line, type ReplyLine } from '../reply.js';

export interface DigestStatus {
  channelId: string;
  every: string;
  at: string;
  timezone: string;
  /** Alerts collected and waiting for the channel's next digest. */
  collected: number;
  /** The next firing (ISO). */
  nextAt: string;
}

/** Where each digest channel stands: its schedule, what it collected so far, when it next goes out. */
export async function digestStatus(
  channels: readonly Channel[],
  inbox: Pick<DigestInbox, 'collected'>,
  now: Date,
): Promise<DigestStatus[]> {
  const out: DigestStatus[] = [];
  for (const channel of channels) {
    const schedule = channel.digest;
    if (!schedule) continue;
    out.push({
      channelId: channel.id,
      every: schedule.every === 'weekly' ? `weekly on ${schedule.day}` : 'daily',
      at: schedule.at,
      timezone: schedule.timezone,
      collected: (await inbox.collected(channel.id)).length,
      nextAt: nextDigestAt(now, schedule).toISOString(),
    });
  }
  return out;
}

export function digestLine(digest: DigestStatus): ReplyLine {
  const alerts = `${digest.collected} alert${digest.collected === 1 ? '' : 's'} collected`;
  return line(
    `${digest.channelId}: ${digest.every} at ${digest.at} ${digest.timezone} · ${alerts} · next ${digest.nextAt.slice(0, 16).replace('T', ' ')} UTC`,
  );
}
