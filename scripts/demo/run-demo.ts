/**
 * `npm run demo`: banwatch end to end on sample data, offline (see demo/README.md).
 * banwatch's own log stays quiet unless LOG_LEVEL asks for it (readable lines on stderr, JSON
 * when piped), so the terminal shows the story and the alerts.
 */
import { createLogger } from '../../src/shared/logger.js';
import { runDigestDemo } from './demo-digest.js';
import { runDemo } from './demo-story.js';

// `npm run demo | head` closes the pipe early: finish quietly and still remove the temp store.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];
const level = process.env.LOG_LEVEL;
const logger =
  level && LEVELS.includes(level)
    ? createLogger({ level, destination: process.stderr, pretty: Boolean(process.stderr.isTTY) })
    : undefined;
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const result = await runDemo({ out: process.stdout, logger, pauseMs: 400, color });
const digest = await runDigestDemo({ out: process.stdout, logger, color });
// Said last, after the digest part, so the demo does not say what comes next and then go on.
if (result.ok && digest.ok) {
  const next =
    'Next: `npm start` runs banwatch on the real feeds in config/default.yaml; README.md shows how to add Slack or Discord.';
  process.stdout.write(`\n${color ? `\x1b[2m${next}\x1b[0m` : next}\n`);
}
process.exitCode = result.ok && digest.ok ? 0 : 1;
