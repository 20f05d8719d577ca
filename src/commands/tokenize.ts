import { UserError } from '../shared/errors.js';

export const MAX_COMMAND_LENGTH = 1_000;
export const MAX_TOKENS = 30;

/**
 * Splits what a user typed into words; "double quotes" (also the curly ones chat apps
 * substitute) keep a phrase together. Bounded, and never evaluated: the words are only data.
 */
export function tokenize(text: string): string[] {
  if (text.length > MAX_COMMAND_LENGTH)
    throw new UserError('TOO_LONG', `That command is too long (at most ${MAX_COMMAND_LENGTH} characters).`);
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const char of text) {
    if (char === '"' || char === '\u201c' || char === '\u201d') {
      quoted = !quoted;
      started = true;
      continue;
    }
    if (!quoted && /\s/.test(char)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
      continue;
    }
    current += char;
    started = true;
  }
  if (quoted) throw new UserError('UNBALANCED_QUOTES', 'A quote is not closed.');
  if (started) tokens.push(current);
  if (tokens.length > MAX_TOKENS)
    throw new UserError('TOO_MANY_WORDS', `That command has too many words (at most ${MAX_TOKENS}).`);
  return tokens;
}

/** Removes `--flag` words, reporting which were present; unknown flags are refused. */
export function takeFlags(args: readonly string[], known: readonly string[]): { rest: string[]; flags: Set<string> } {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('--') && arg.length > 2) {
      const name = arg.slice(2).toLowerCase();
      if (!known.includes(name)) throw new UserError('UNKNOWN_FLAG', `Unknown option ${arg.slice(0, 40)}.`);
      flags.add(name);
    } else rest.push(arg);
  }
  return { rest, flags };
}

/** A command that reads no more words refuses any left over, so a typo is not silently ignored. */
export function noMoreWords(args: readonly string[], command: string): void {
  const first = args[0];
  if (first === undefined) return;
  if (first.startsWith('--'))
    throw new UserError('UNKNOWN_FLAG', `Unknown option ${first.slice(0, 40)} for \`${command}\`.`);
  throw new UserError('TOO_MANY_WORDS', `\`${command}\` reads no more words (got "${first.slice(0, 40)}").`);
}
