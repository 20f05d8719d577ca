import type { Lexicon } from '../classify/lexicon/lexicon-types.js';
import type { WatchTermStore } from '../domain/ports.js';
import type { ChannelDirectory } from '../pipeline/channel-directory.js';

/**
 * The lexicon's instruments (the Covered List, Section 889, the Entity List ...): the words of
 * action cues marked `instrument`, which name a list, law or program that exists to restrict
 * vendors, so a bill text naming one is worth reading whatever vendor it names. Latin-script
 * words only (GovInfo's index is English) and none shorter than four letters ("icts" stays).
 */
export function instrumentTerms(lexicon: Lexicon): string[] {
  const words = lexicon.actions.filter((cue) => cue.instrument).flatMap((cue) => cue.words);
  return [...new Set(words.filter((word) => /^[\x20-\x7e]{4,}$/.test(word)))];
}

/**
 * The channels' watch terms (vendor and all modes; muted ones are what a channel does not want),
 * read at each full-text scan, so a term added with `watch` is searched from the next poll on.
 * Their aliases follow them (a supplier imported with `watch import` may be written in a bill
 * under its legal name only), after every term: the scan searches a limited number, terms first.
 * An alias of one or two letters would match half the Congressional Record, so it is left out.
 */
export function watchTermProvider(channels: ChannelDirectory, store: WatchTermStore): () => Promise<string[]> {
  return async () => {
    const ids = (await channels.all()).map((channel) => channel.id);
    const byChannel = await store.listMany(ids);
    const terms = [...byChannel.values()].flat().filter((term) => term.mode !== 'mute');
    const aliases = terms.flatMap((term) => term.aliases ?? []).filter((alias) => alias.trim().length >= 3);
    return [...new Set([...terms.map((term) => term.term), ...aliases])];
  };
}
