/**
 * A trie over word tokens: every phrase of the lexicon and the vendor catalog is inserted once,
 * and a text is scanned in one pass, walking the trie from each token. The cost grows with the
 * text length and the longest phrase, not with the number of phrases or vendors.
 */
interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | undefined;
  payloads: T[] | undefined;
}

export interface TrieMatch<T> {
  /** First token of the phrase. */
  start: number;
  /** One past the last token of the phrase. */
  end: number;
  payload: T;
}

function newNode<T>(): TrieNode<T> {
  return { next: undefined, payloads: undefined };
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = newNode();
  private phraseCount = 0;

  /** Adds a phrase (already tokenized); an empty phrase is ignored. */
  add(tokens: readonly string[], payload: T): void {
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      node.next ??= new Map();
      let child = node.next.get(token);
      if (!child) {
        child = newNode();
        node.next.set(token, child);
      }
      node = child;
    }
    (node.payloads ??= []).push(payload);
    this.phraseCount++;
  }

  get size(): number {
    return this.phraseCount;
  }

  /** Every occurrence of every phrase in `words`, overlapping ones included, in start order. */
  scan(words: readonly string[], out: TrieMatch<T>[] = []): TrieMatch<T>[] {
    const rootNext = this.root.next;
    if (!rootNext) return out;
    for (let start = 0; start < words.length; start++) {
      let node = rootNext.get(words[start] as string);
      let end = start + 1;
      while (node) {
        if (node.payloads) {
          for (const payload of node.payloads) out.push({ start, end, payload });
        }
        if (!node.next || end >= words.length) break;
        node = node.next.get(words[end] as string);
        end++;
      }
    }
    return out;
  }
}
