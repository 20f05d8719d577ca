import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/main.js';
import { silentLogger, type Logger } from '../../src/shared/logger.js';
import { BILL_DAYS, type CongressStandIn, startCongressStandIn } from './bill-timeline.js';
import { DEMO_CHANNEL, DEMO_CONGRESS_KEY, DEMO_LEGISCAN_KEY, writeDemoConfig } from './demo-config.js';
import { alertBlocks, digest } from './demo-report.js';
import { SAMPLE_FEEDS, type SampleFeedServer, startSampleFeeds } from './sample-feeds.js';
import { showTriage } from './triage-demo.js';
import {
  type LegiscanStandIn,
  STATE_BILL,
  STATE_BILL_DAYS,
  STATE_BILL_FIRST_DAY,
  startLegiscanStandIn,
} from './state-bill-timeline.js';

export interface DemoOptions {
  /** Where the story is told (stdout). */
  out?: NodeJS.WritableStream;
  /** banwatch's own log; silent by default, the narration says what matters. */
  logger?: Logger;
  /** A breath between polls, so a person can follow; 0 in tests. */
  pauseMs?: number;
  /** ANSI bold and dim for the narration (never inside alerts). */
  color?: boolean;
}

export interface DemoResult {
  ok: boolean;
  /** Every alert block the console channel printed, in order. */
  alerts: string[];
  /** New items banwatch did not alert. */
  quiet: string[];
  /** Items held back as a story the channel already had. */
  duplicates: string[];
  errors: string[];
  polls: number;
  elapsedMs: number;
  /** The temporary store's directory (removed by the time the demo returns). */
  storeDir: string;
}

/** Collects what the console channel prints, so it appears after the poll's own summary. */
function capture(): { stream: Writable; take(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const take = () => {
    const taken = text;
    text = '';
    return taken;
  };
  return { stream, take };
}

/**
 * `npm run demo`: banwatch, the real app, against sample feeds and a stand-in Congress.gov on
 * 127.0.0.1, with a temporary SQLite store. Each step changes what the servers publish, then
 * `engine.pollAll()` polls, classifies, routes, queues and delivers as `poll --once` does.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const out = options.out ?? process.stdout;
  const paint = (code: number) => (text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const [bold, dim] = [paint(1), paint(2)];
  const say = (line = '') => out.write(`${line}\n`);
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 0));
  const result: DemoResult = {
    ok: false,
    alerts: [],
    quiet: [],
    duplicates: [],
    errors: [],
    polls: 0,
    elapsedMs: 0,
    storeDir: mkdtempSync(join(tmpdir(), 'banwatch-demo-')),
  };
  let news = 0;
  let bills = 0;
  let states = 0;
  let errorsSaid = 0;
  const channel = capture();
  let feeds: SampleFeedServer | undefined;
  let congress: CongressStandIn | undefined;
  let legiscan: LegiscanStandIn | undefined;
  let app: App | undefined;
  try {
    const sample = (feeds = await startSampleFeeds(new Date()));
    const capitol = (congress = await startCongressStandIn(DEMO_CONGRESS_KEY));
    const statehouse = (legiscan = await startLegiscanStandIn(DEMO_LEGISCAN_KEY));
    const config = writeDemoConfig(result.storeDir, (id) => sample.urlOf(id), capitol.url, statehouse.url);
    app = await createApp({
      config,
      logger: options.logger ?? silentLogger(),
      stdout: channel.stream,
      parseInThread: true,
    });
    say(bold('banwatch demo: offline, on sample data; nothing leaves 127.0.0.1'));
    say(
      `  feeds     ${SAMPLE_FEEDS.length} sample feeds from demo/feeds/, served at ${new URL(sample.urlOf(SAMPLE_FEEDS[0].id)).origin}`,
    );
    say(`  Congress  a local stand-in for Congress.gov at ${capitol.url}, following H.R.5515 (115th)`);
    say(
      `  LegiScan  a local stand-in for LegiScan at ${statehouse.url}, searching Arkansas bills for "foreign adversaries" AND drones`,
    );
    say(
      `            (its bill, ${STATE_BILL}, is a real LegiScan record with its title replaced by a drone-procurement one: sample data)`,
    );
    say(`  store     a temporary SQLite file in ${result.storeDir} (removed at the end)`);
    say(`  channel   "${DEMO_CHANNEL}", a console channel: what it would receive is printed as-is below`);
    const [first, ...later] = BILL_DAYS;
    const steps = [
      {
        title: `Polling ${SAMPLE_FEEDS.length} sample feeds and Congress.gov for the first time...`,
        hill: first,
        change: () => {
          capitol.showBillAsOf(first.day);
          statehouse.showBillAsOf(STATE_BILL_FIRST_DAY);
        },
      },
      { title: 'The sample feeds publish new items. Polling again...', change: () => sample.publish() },
      ...later.map((hill, index) => {
        const state = STATE_BILL_DAYS[index];
        return {
          title: `Congress.gov${state ? ' and LegiScan have' : ' has'} news. Polling again...`,
          hill,
          state,
          change: () => {
            capitol.showBillAsOf(hill.day);
            if (state) statehouse.showBillAsOf(state.day);
          },
        };
      }),
    ];
    for (const [index, step] of steps.entries()) {
      if (index) await pause();
      say();
      say(bold(`[${index + 1}/${steps.length}] ${step.title}`));
      step.change();
      if (step.hill) say(dim(`  On Capitol Hill, ${step.hill.day}: ${step.hill.happened}.`));
      if ('state' in step && step.state)
        say(dim(`  In the Arkansas General Assembly, ${step.state.day}: ${step.state.happened}.`));
      if (index === 1)
        say(dim(`  New in the feeds: ${sample.published().length} items, ban news mixed with ordinary news.`));
      const polled = digest(await app.engine.pollAll());
      result.polls += 1;
      for (const line of polled.lines) say(dim(`  ${line}`));
      const printed = channel.take();
      const blocks = alertBlocks(printed);
      result.alerts.push(...blocks);
      news += polled.queued.news;
      bills += polled.queued.bills;
      states += polled.queued.states;
      if (index === 0)
        say(
          dim(
            "  (A feed's first poll records what it already holds and posts none of it: no flood when you subscribe.)",
          ),
        );
      if (printed) say(`\n${printed.trimEnd()}`);
      else if (!polled.errors.length) say(dim('  (nothing for the channel)'));
      if (polled.quiet.length) {
        say();
        say(`  Stayed quiet (${polled.quiet.length} new items that are not a ban or restriction):`);
        for (const item of polled.quiet) say(`    - ${item.title}  ${dim(`[${item.reason}]`)}`);
      }
      for (const item of polled.duplicates)
        say(`  Posted once: "${item.title}" also came from ${item.sourceId} (same story).`);
      for (const error of polled.errors) say(`  ! ${error}`);
      result.quiet.push(...polled.quiet.map((item) => item.title));
      result.duplicates.push(...polled.duplicates.map((item) => item.title));
      result.errors.push(...polled.errors);
      errorsSaid = result.errors.length;
    }
    result.errors.push(...(await showTriage(app, DEMO_CHANNEL, say, dim)));
    const left = await app.stores.outbox.counts();
    if (left.pending || left.dead) result.errors.push(`outbox: ${left.pending} waiting, ${left.dead} dead-lettered`);
    result.ok = result.errors.length === 0 && result.alerts.length === news + bills + states;
  } catch (error) {
    result.errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await app?.close();
    await feeds?.close();
    await congress?.close();
    await legiscan?.close();
    rmSync(result.storeDir, { recursive: true, force: true });
  }
  result.elapsedMs = Date.now() - started;
  say();
  say(
    bold(`${result.ok ? 'Done' : 'Finished with problems'} in ${(result.elapsedMs / 1000).toFixed(1)} s:`) +
      ` ${result.polls} polls, ${result.alerts.length} alerts to ${DEMO_CHANNEL} (${news} news, ${bills} on H.R.5515, ${states} on ${STATE_BILL}),` +
      ` ${result.quiet.length} ordinary items stayed quiet, ${result.duplicates.length} duplicate${result.duplicates.length === 1 ? '' : 's'} held back, ${result.errors.length} errors.`,
  );
  for (const error of result.errors.slice(errorsSaid)) say(`  ! ${error}`);
  return result;
}
