/**
 * The Node flags banwatch runs with, wherever it is started as a long-running bot: `npm start`,
 * the Docker image, `npm run bench` and the fault scripts (tests/ops checks they agree). V8 sizes
 * its heap when the isolate is created, so they can only be given at start-up.
 *
 * - `--max-semi-space-size=8`: V8 grows the main thread's young generation to 16 MB a semi-space
 *   under a busy poll, resident memory holding garbage that dies within milliseconds.
 * - `--heap-growing-percent=100`: after a full GC V8 lets the old generation grow up to four
 *   times what survived before the next one; with ~37 MB live that was 110-135 MB of heap at the
 *   poll bench's peak. Twice what survived is plenty of room for a poll cycle's garbage.
 *
 * Together they lower the poll bench's peak RSS by about a fifth at no measurable cost in poll
 * time (figures in docs/scaling.md).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=100'];
