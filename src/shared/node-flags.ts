/**
 * The Node flags banwatch runs with, wherever it is started as a long-running bot: `npm start`,
 * the Docker image, `npm run bench` and the fault scripts (tests/ops checks they agree).
 *
 * V8 lets the main thread's young generation grow to 16 MB a semi-space (about 48 MB resident
 * under a busy poll), which is mostly memory that holds nothing: a poll's garbage dies within
 * milliseconds. At 8 MB the poll bench's peak RSS fell by about 35 MB (263 -> 228 MB) while the
 * scavenger's share of CPU rose from 2.1 to 2.5% (perf, 2,000 changed feeds). The flag can only
 * be given at start-up: V8 sizes the heap when the isolate is created.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
