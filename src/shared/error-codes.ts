/**
 * Every code a banwatch error or refusal carries. The code is what scripts and logs match on;
 * the message is for people. `exit` is the CLI's status for it: 2 when the words or the
 * configuration were wrong (fix the command and run it again), 1 when banwatch refused or failed.
 * README.md ("Error codes") lists the same table; tests/shared/error-codes.test.ts keeps them together.
 */
const TYPED_WRONG = { exit: 2, typedWrong: true } as const;
const REFUSED = { exit: 1, typedWrong: false } as const;
const FAULT = { exit: 1, typedWrong: false } as const;

export const ERROR_CODES = {
  // The command or its configuration was typed wrong.
  CONFIG_INVALID: { ...TYPED_WRONG, meaning: 'the config file or environment is invalid; every problem is listed' },
  USAGE: { ...TYPED_WRONG, meaning: 'the command was not used as its usage says' },
  UNKNOWN_COMMAND: { ...TYPED_WRONG, meaning: 'no such command' },
  BAD_VERB: { ...TYPED_WRONG, meaning: 'no such subcommand (e.g. `watch frobnicate`)' },
  UNKNOWN_FLAG: { ...TYPED_WRONG, meaning: 'an option the command does not take' },
  MISSING_VALUE: { ...TYPED_WRONG, meaning: 'an option or argument is missing its value' },
  UNBALANCED_QUOTES: { ...TYPED_WRONG, meaning: 'a quote was opened and not closed' },
  TOO_MANY_WORDS: { ...TYPED_WRONG, meaning: 'more words than the command reads' },
  TOO_LONG: { ...TYPED_WRONG, meaning: 'the command text is longer than banwatch reads' },
  NO_VENDOR: { ...TYPED_WRONG, meaning: 'the command needs a vendor name' },
  BAD_DATE: { ...TYPED_WRONG, meaning: 'a date that is not YYYY-MM-DD or an ISO 8601 time (e.g. `history --since`)' },
  // A refusal: the command was understood, and banwatch will not do it.
  UNKNOWN_CALLER: { ...REFUSED, meaning: 'the platform did not say who ran the command, so nothing was done' },
  NOT_ADMIN: { ...REFUSED, meaning: 'only admins may run this; nothing was changed' },
  NOT_OPERATOR: {
    ...REFUSED,
    meaning: "only banwatch's operators (config `admins`, the CLI) may change this; nothing was changed",
  },
  NO_DEAD_LETTER: { ...REFUSED, meaning: 'no dead letter matches that id or channel' },
  NOT_ALLOWED_TENANT: { ...REFUSED, meaning: 'this Slack workspace or Discord server may not use this banwatch' },
  NOT_YOURS: { ...REFUSED, meaning: 'it belongs to another workspace or server, or to the whole install' },
  UNKNOWN_VENDOR: { ...REFUSED, meaning: 'the vendor is not in the catalogue' },
  VENDOR_TOO_LONG: { ...REFUSED, meaning: 'a vendor name is longer than banwatch keeps' },
  TOO_MANY_VENDORS: { ...REFUSED, meaning: 'a channel filter names more vendors than allowed' },
  UNKNOWN_CHANNEL: { ...REFUSED, meaning: 'no banwatch channel with that id' },
  NO_CHANNEL: { ...REFUSED, meaning: 'the command needs a channel and none was given or found' },
  CONFIG_CHANNEL: { ...REFUSED, meaning: 'the channel comes from the config file; change it there' },
  NOT_SUBSCRIBED: { ...REFUSED, meaning: 'the channel is not subscribed' },
  BAD_TERM: { ...REFUSED, meaning: 'a watch term that cannot be used (empty, control characters, too long)' },
  NO_SUCH_TERM: { ...REFUSED, meaning: 'the channel does not watch that term' },
  TOO_MANY_TERMS: { ...REFUSED, meaning: 'the channel already watches the most terms allowed' },
  BAD_CSV: {
    ...REFUSED,
    meaning: 'an uploaded CSV file is malformed, too large or has no name column; the line is given',
  },
  NO_UPLOAD: {
    ...REFUSED,
    meaning: 'the platform cannot hand banwatch this file (use the CLI or a Discord attachment)',
  },
  NO_PLACE: { ...REFUSED, meaning: 'no such place to filter on' },
  BAD_FEED_URL: { ...REFUSED, meaning: 'not a feed URL banwatch may fetch (scheme, credentials or a private address)' },
  FEED_UNREACHABLE: { ...REFUSED, meaning: 'the feed could not be fetched or read, so it was not added' },
  DUPLICATE_FEED: { ...REFUSED, meaning: 'that feed is already watched' },
  UNKNOWN_FEED: { ...REFUSED, meaning: 'no feed with that id' },
  CONFIG_FEED: { ...REFUSED, meaning: 'the feed comes from the config file; change it there' },
  TOO_MANY_FEEDS: { ...REFUSED, meaning: 'the most feeds that may be added at run time are watched' },
  NOT_PAUSED: { ...REFUSED, meaning: 'the feed is not paused' },
  BAD_BILL: { ...REFUSED, meaning: 'not a bill id like hr5515-115' },
  ALREADY_TRACKED: { ...REFUSED, meaning: 'the bill is already tracked' },
  NOT_TRACKED: { ...REFUSED, meaning: 'the bill is not tracked' },
  CONFIG_BILL: { ...REFUSED, meaning: 'the bill comes from the config file; change it there' },
  BAD_PING: { ...REFUSED, meaning: "a mention rule names no usable ping target (an id, not a name; this platform's)" },
  BAD_STAGE: { ...REFUSED, meaning: 'a mention rule names a stage banwatch does not know' },
  NO_SUCH_RULE: { ...REFUSED, meaning: 'the channel has no mention rule with that number' },
  TOO_MANY_RULES: { ...REFUSED, meaning: 'the channel already has the most mention rules allowed' },
  UNKNOWN_ALERT: { ...REFUSED, meaning: 'the pressed alert is too old or unknown to banwatch; nothing was recorded' },
  NOT_MEMBER: {
    ...REFUSED,
    meaning: 'only members of the workspace or server the channel belongs to may press its buttons',
  },
  // A fault: banwatch could not do its work. Logged with the code.
  STORE_UNAVAILABLE: {
    ...FAULT,
    meaning: 'the store (SQLite, Redis or PostgreSQL) cannot be reached or failed a write',
  },
  STORE_CORRUPT: {
    ...FAULT,
    meaning:
      'the SQLite file failed its integrity check at start-up; it was left untouched and the message says how to recover',
  },
  LIST_FORMAT: { ...FAULT, meaning: 'an official list file was not in the format banwatch reads' },
  BODY_TOO_LARGE: { ...FAULT, meaning: 'a response was larger than banwatch reads' },
  SLACK_AUTH: { ...FAULT, meaning: 'Slack refused the bot token' },
  DELIVERY_PAUSED: {
    ...FAULT,
    meaning:
      "a platform refused banwatch's credentials, or a channel's webhook is gone (deleted, revoked, its channel archived): that channel's alerts are kept, and go out once they are accepted",
  },
  DISCORD_PUBLIC_KEY: { ...FAULT, meaning: 'DISCORD_PUBLIC_KEY is not a valid Ed25519 public key' },
  DISCORD_GATEWAY: { ...FAULT, meaning: 'the Discord gateway could not be joined' },
  LISTEN_FAILED: {
    ...FAULT,
    meaning: 'the HTTP server could not listen on HOST and PORT (the port in use, or HOST not this machine)',
  },
  INTERNAL: { ...FAULT, meaning: 'a bug: the message names a reference to find in the log' },
} as const satisfies Record<string, { exit: 1 | 2; typedWrong: boolean; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The CLI's exit status for a code. */
export function exitStatus(code: ErrorCode): 1 | 2 {
  return ERROR_CODES[code].exit;
}
