/**
 * `npm run bench`: every figure of issue 8 (and the classifier's and the Slack command's), one
 * JSON line each, then a summary line. The poll figures run first, so the memory figure sees
 * this process as the app would be after start-up rather than after the other benches.
 * Exit status 1 only when a figure could not be measured; a missed target is a result.
 */
import { benchClassify } from './classify-bench.js';
import { benchColdPoll } from './cold-poll-bench.js';
import { benchInstances } from './instances-bench.js';
import { benchInventory } from './inventory-bench.js';
import { benchLatency } from './latency-bench.js';
import { benchLists } from './lists-bench.js';
import { benchPoll, type PollFigures } from './poll-bench.js';
import { benchScale, scaleOptions } from './scale-bench.js';
import { benchSlack } from './slack-bench.js';
import { benchWeb } from './web-bench.js';

type Figure = Record<string, unknown>;

const SLACK_TARGET_MS = 3_000;

/** The Slack bench reports without a verdict; Slack gives a slash command 3 s. */
async function slackFigure(): Promise<Figure> {
  const { name: _name, ...result } = await benchSlack();
  const ack = result.ackMs as { p99: number };
  const answer = result.answerMs as { p99: number };
  return {
    figure: 'slack',
    ...result,
    target: `ack and answer p99 < ${SLACK_TARGET_MS} ms, no failures, answer names Section 889 and the FCC Covered List`,
    ok:
      result.failures === 0 &&
      result.answerHasSection889 === true &&
      ack.p99 < SLACK_TARGET_MS &&
      answer.p99 < SLACK_TARGET_MS,
  };
}

const print = (figure: Figure) => process.stdout.write(`${JSON.stringify(figure)}\n`);

async function main(): Promise<number> {
  const started = Date.now();
  const verdicts: Record<string, boolean> = {};
  let errors = 0;
  const run = async (names: string[], measure: () => Promise<Figure[]>) => {
    try {
      for (const figure of await measure()) {
        print(figure);
        verdicts[String(figure.figure)] = figure.ok === true;
      }
    } catch (error) {
      errors++;
      for (const name of names) {
        print({ figure: name, error: error instanceof Error ? error.message : String(error), ok: false });
        verdicts[name] = false;
      }
    }
  };
  await run(['poll', 'unchanged', 'loop', 'memory'], async () => {
    const figures: Record<keyof PollFigures, Figure> = await benchPoll();
    return Object.values(figures);
  });
  await run(['coldPoll', 'coldUnchanged'], benchColdPoll);
  await run(['classify'], async () => [await benchClassify()]);
  await run(['slack'], async () => [await slackFigure()]);
  await run(['latency'], async () => [await benchLatency()]);
  await run(['instances'], async () => [await benchInstances()]);
  await run(['lists'], async () => [await benchLists()]);
  await run(['inventory'], async () => [await benchInventory()]);
  await run(['web'], async () => [await benchWeb()]);
  const names = Object.keys(verdicts);
  print({
    summary: 'targets',
    met: names.filter((name) => verdicts[name]),
    missed: names.filter((name) => !verdicts[name]),
    allMet: names.every((name) => verdicts[name]),
    seconds: Math.round((Date.now() - started) / 1_000),
    node: process.version,
  });
  return errors ? 1 : 0;
}

/** `npm run bench -- --scale [--feeds N --channels N --instances N --interval S --minutes M --changed SHARE]`. */
async function scale(): Promise<number> {
  try {
    print(await benchScale(scaleOptions(process.argv.slice(2))));
    return 0;
  } catch (error) {
    print({ figure: 'scale', error: error instanceof Error ? error.message : String(error), ok: false });
    return 1;
  }
}

// Explicit exit: a handle some library keeps open must not keep the bench alive once it is done.
process.exit(process.argv.includes('--scale') ? await scale() : await main());
