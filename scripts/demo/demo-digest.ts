import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config.js';
import { nextDigestAt } from '../../src/domain/digest-schedule.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger, type Logger } from '../../src/shared/logger.js';
import { mutableDemoClock } from './demo-clock.js';
import { SAMPLE_FEEDS, type SampleFeedServer, startSampleFeeds } from './sample-feeds.js';

export const DIGEST_CHANNEL = 'morning-briefing';
const SCHEDULE = { every: 'daily', at: '08:30', timezone: 'Europe/Berlin', day: 'monday', mode: 'instead' } as const;

export interface DigestDemoResult {
  ok: boolean;
  /** What the digest channel printed live (nothing, when all is well) and at 08:30. */
  live: string;
  digest: string;
  /** What a second tick in the same period printed (nothing). */
  again: string;
  errors: string[];
}

/**
 * The digest part of `npm run demo`: the real app with a console channel that takes a daily
 * digest at 08:30 Europe/Berlin instead of live alerts. The sample feeds publish, banwatch
 * collects; the clock (injected, as in tests) then moves to the next 08:30 in Berlin and the
 * digest goes out: one message, grouped by vendor and stage.
 */
export async function runDigestDemo(
  options: { out?: NodeJS.WritableStream; logger?: Logger; color?: boolean } = {},
): Promise<DigestDemoResult> {
  const out = options.out ?? process.stdout;
  const bold = (text: string) => (options.color ? `\x1b[1m${text}\x1b[0m` : text);
  const dim = (text: string) => (options.color ? `\x1b[2m${text}\x1b[0m` : text);
  const say = (line = '') => out.write(`${line}\n`);
  const result: DigestDemoResult = { ok: false, live: '', digest: '', again: '', errors: [] };
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-demo-digest-'));
  let printed = '';
  const channel = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      printed += chunk.toString();
      done();
    },
  });
  const take = () => [printed, (printed = '')][0] as string;
  let feeds: SampleFeedServer | undefined;
  let app: App | undefined;
  try {
    const clock = mutableDemoClock(new Date());
    const sample = (feeds = await startSampleFeeds(clock.now()));
    const file = join(dir, 'banwatch.yaml');
    writeFileSync(
      file,
      [
        `store: sqlite://${join(dir, 'banwatch.sqlite')}`,
        'sources:',
        ...SAMPLE_FEEDS.map(
          (feed) => `  - {id: ${feed.id}, type: rss, name: "${feed.name}", url: "${sample.urlOf(feed.id)}"}`,
        ),
        'channels:',
        `  - id: ${DIGEST_CHANNEL}`,
        '    type: console',
        `    digest: {every: daily, at: "08:30", timezone: Europe/Berlin}`,
        '',
      ].join('\n'),
    );
    app = await createApp({
      config: loadConfig({ file, env: {} }),
      logger: options.logger ?? silentLogger(),
      stdout: channel,
      clock,
      parseInThread: true,
    });
    say();
    say(bold(`Digest: "${DIGEST_CHANNEL}" takes a daily digest at 08:30 Europe/Berlin instead of live alerts`));
    await app.engine.pollAll();
    sample.publish();
    await app.engine.pollAll();
    result.live = take();
    const collected = await app.stores.digests.collected(DIGEST_CHANNEL);
    say(dim(`  The feeds publish again: ${collected.length} alerts collected for the digest, none posted live.`));
    const at = nextDigestAt(clock.now(), SCHEDULE);
    clock.set(at);
    say(dim(`  The clock moves to ${at.toISOString()} (08:30 in Berlin); the scheduler's tick finds the digest due:`));
    if ((await app.digestScheduler.tick()) !== 1) result.errors.push('the digest was not queued at 08:30');
    await app.engine.deliver();
    result.digest = take();
    say(`\n${result.digest.trimEnd()}`);
    clock.set(new Date(at.getTime() + 60_000));
    await app.digestScheduler.tick();
    await app.engine.deliver();
    result.again = take();
    say(
      dim(
        `  A minute later the tick finds that day's digest sent: ${result.again ? 'it went out again!' : 'nothing more goes out.'}`,
      ),
    );
    if (result.live) result.errors.push('the digest channel received live alerts');
    if (!result.digest.startsWith('── DIGEST')) result.errors.push('no digest was printed');
    if (result.again) result.errors.push('the digest went out twice');
    result.ok = result.errors.length === 0;
  } catch (error) {
    result.errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await app?.close();
    await feeds?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const error of result.errors) say(`  ! ${error}`);
  return result;
}
