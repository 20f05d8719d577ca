import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config/load-config.js';
import { compiledApp } from './compiled-app.js';
import { silentLogger } from '../src/shared/logger.js';
import { slashCommandForm, signedPost, startFakeSlackApi } from '../tests/fakes/slack-api.js';

const REQUESTS = 200;
const TOKEN = 'xoxb-bench-token-0003';
const SECRET = 'bench-signing-secret-0003';

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? Number.NaN) * 100) / 100;
}

function summary(values: number[]): { median: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99), max: percentile(sorted, 100) };
}

/**
 * 200 signed `/banwatch vendor hikvision` POSTs, one after another, to the real /slack/events
 * route of the whole app (createApp, SQLite store, real Bolt) over the loopback, with a fake
 * Slack Web API taking the answers on response_url. Reports milliseconds to the ack (the HTTP
 * response Slack waits for, 3 s at most) and to the answer (the response_url POST arriving).
 */
export async function benchSlack(): Promise<Record<string, unknown>> {
  const slack = await startFakeSlackApi({ botToken: TOKEN });
  slack.user('U0BENCH', {});
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-slack-bench-'));
  const file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'channels:',
      '  - {id: security, type: slack, channel: C0BENCH01}',
    ].join('\n'),
  );
  const config = loadConfig({
    file,
    env: { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, PORT: '0' },
  });
  const { createApp } = await compiledApp();
  const app = await createApp({
    config,
    logger: silentLogger(),
    stdout: { write: () => true } as unknown as NodeJS.WritableStream,
  });
  try {
    const { httpPort } = await app.start();
    const url = `http://127.0.0.1:${httpPort}/slack/events`;
    const acks: number[] = [];
    const answers: number[] = [];
    let failures = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const id = `b${i}`;
      const form = slashCommandForm({
        text: 'vendor hikvision',
        user_id: 'U0BENCH',
        channel_id: 'C0BENCH01',
        response_url: slack.responseUrl(id),
      });
      const started = performance.now();
      const answered = slack
        .waitFor(() => slack.responses.find((r) => r.id === id))
        .then(() => performance.now() - started);
      const ack = await signedPost(url, SECRET, form);
      if (ack.status !== 200) failures++;
      acks.push(ack.ms);
      answers.push(await answered);
    }
    const answerText = JSON.stringify(slack.responses.at(-1)?.body ?? {});
    return {
      name: 'slack-slash-command',
      requests: REQUESTS,
      failures,
      answerHasSection889: answerText.includes('Section 889') && answerText.includes('FCC Covered List'),
      ackMs: summary(acks),
      answerMs: summary(answers),
      node: process.version,
    };
  } finally {
    await app.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSlack().then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`slack bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
