export const USAGE = `banwatch — alerts on government bans and restrictions of technology vendors

Usage: banwatch COMMAND [options]

Commands:
  run                          poll every source on its schedule and deliver alerts (Ctrl-C stops)
  poll --once                  poll every source once, deliver, and exit
  classify                     JSON lines in (title, summary), one classification per line out
  eval [FILE...] [--unknown-vendors]
                               precision, recall and per-field accuracy on labelled headlines
  vendor NAME [--json]         where a vendor stands: restrictions, official lists and latest alerts
  lists [--json]               official restriction lists: size, last change and last poll
  watch add|remove|mute|list [TERM] --channel ID [--all]
                               the terms a channel watches or mutes
  watch import FILE.csv --channel ID
                               watch a supplier list (name, aliases columns) and report matches
  watch export --channel ID [--csv]
                               the channel's watched terms as name,aliases rows
  mentions add|remove|list [vendor:NAME stage:STAGE ping:TARGET | N] --channel ID
                               who a channel's alerts ping (nobody by default)
  feedback export [--channel ID] [--since DATE]
                               "Not relevant" presses as JSONL eval rows (label not-relevant)
  status [--json]              sources, their last poll and errors; outbox and dead letters
  feeds list|add URL|remove ID|resume ID
                               the feeds banwatch polls; resume re-enables a paused feed or source
  feeds import FILE.opml | feeds export
                               add every feed of an OPML file / print all feeds as OPML
  why LINK|SOURCE:KEY [--channel ID]
                               per channel, what happened to an item and why
  config check                 validate the config and environment; print the effective config
  deadletters list|retry|drop [ID|--channel ID|--all]
                               alerts delivery gave up on: list them, queue them again, or drop them
  bills [--state XX] [--json]  tracked bills and rules (state bills too): stage, last action and date
  history [--vendor NAME] [--since DATE] [--channel ID] [--csv|--json]
                               every delivered alert with where and when it went (CSV unless --json)
  track BILL [VENDOR...]       follow a bill on Congress.gov, e.g. track hr5515-115
  untrack BILL                 stop following a bill
  discord register [--guild ID]
                               put the /banwatch commands on Discord
  discord invite               print the URL that adds the bot to a server
  help                         this text

Options:
  --config FILE                config file (default: config/default.yaml, or BANWATCH_CONFIG)
  --json                       machine-readable output where a command supports it

Exit status: 0 done, 1 failed, 2 bad configuration or usage.
`;
