/**
 * A channel whose delivery is paused because its platform refused banwatch's credentials
 * (Slack `invalid_auth`, Discord 401): retrying every few seconds would only be refused again,
 * and dead-lettering would lose alerts that a fixed token can still deliver. Its alerts stay in
 * the outbox; one probe every PROBE_EVERY_MS tries the head entry, and a success resumes it.
 */
export interface DeliveryPause {
  channelId: string;
  /** The platform's answer, e.g. `invalid_auth`. */
  reason: string;
  since: string;
  /** When the next probe may try the head entry again. */
  nextProbeAt: string;
}

export const PROBE_EVERY_MS = 10 * 60_000;

export interface DeliveryPauses {
  list(): Promise<DeliveryPause[]>;
  get(channelId: string): Promise<DeliveryPause | undefined>;
  put(pause: DeliveryPause): Promise<void>;
  /** False when the channel was not paused. */
  remove(channelId: string): Promise<boolean>;
}
