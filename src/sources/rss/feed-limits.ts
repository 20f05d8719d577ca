/**
 * What one feed document may cost to parse. A real feed nests about ten elements deep (Atom
 * xhtml content a few more) and holds a few thousand elements per MiB; a hostile one nests a
 * million deep or repeats an empty element until the parser thread runs out of time or heap.
 * Past any bound the document is refused as a `parse` failure of that feed, never read in part.
 */
export interface FeedParseLimits {
  /** Elements open at once. */
  maxDepth: number;
  /** Elements in the whole document. */
  maxElements: number;
  /** Parsing time for one document, checked as elements open (a thread's wall clock). */
  maxParseMs: number;
}

export const FEED_PARSE_LIMITS: FeedParseLimits = {
  maxDepth: 100,
  maxElements: 300_000,
  maxParseMs: 5_000,
};

/** A document over one of the limits: reported as it is, and never handed to the lenient reader. */
export class FeedLimitError extends Error {
  override readonly name = 'FeedLimitError';
}

/** Elements opened between two looks at the clock: the check costs nothing per element. */
const CLOCK_EVERY = 1_024;

/** Counts a document's elements as they open and throws a FeedLimitError past a limit. */
export function limitGuard(limits: FeedParseLimits = FEED_PARSE_LIMITS, now: () => number = () => performance.now()) {
  const started = now();
  let elements = 0;
  return (depth: number): void => {
    elements++;
    if (depth > limits.maxDepth) {
      throw new FeedLimitError(`the feed nests elements more than ${limits.maxDepth} deep`);
    }
    if (elements > limits.maxElements) {
      throw new FeedLimitError(`the feed has more than ${limits.maxElements.toLocaleString('en-US')} elements`);
    }
    if (elements % CLOCK_EVERY === 0 && now() - started > limits.maxParseMs) {
      throw new FeedLimitError(`the feed took more than ${limits.maxParseMs / 1000} s to parse`);
    }
  };
}
