import { stageLabel } from '../../domain/alert-text.js';
import {
  countLabel,
  type Digest,
  type DigestLine,
  digestLimits,
  digestTitle,
  layoutDigest,
} from '../../domain/digest.js';
import type { SlackMessage } from './alert-blocks.js';
import { escapedWithin, mrkdwnLink, slackPlain } from './slack-text.js';

const HEADER_MAX = 150;
/** Slack refuses a section over 3,000 characters; some room is kept for the "+N more" line. */
const SECTION_BUDGET = 2_800;
/** Header + intro + one section per vendor + the closing context stay under Slack's 50 blocks. */
const MAX_VENDORS = 40;

function line(item: DigestLine): string {
  const also = item.alsoNames.length ? ` (also ${escapedWithin(item.alsoNames.join(', '), 200)})` : '';
  return `• ${mrkdwnLink(item.link, item.title, 600)}${also} · ${escapedWithin(item.sourceName, 100)} · ${item.date}`;
}

/**
 * A digest as Block Kit: a header with the period and count, then one section per vendor with
 * its alerts under their stages. Long digests show a few lines per stage and count the rest
 * ("+4 more"); a section that would pass Slack's size stops early and counts what it left out.
 */
export function digestBlocks(digest: Digest): SlackMessage {
  const limits = digestLimits(digest);
  const layout = layoutDigest(digest, { ...limits, maxVendors: Math.min(limits.maxVendors, MAX_VENDORS) });
  const title = digestTitle(digest);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: slackPlain(title, HEADER_MAX), emoji: false } },
  ];
  for (const group of layout.groups) {
    const parts = [`*${escapedWithin(group.vendor, 200)}* — ${countLabel(group.total)}`];
    let length = parts[0]?.length ?? 0;
    let left = 0;
    for (const stage of group.stages) {
      const lines = [`_${escapedWithin(stageLabel(stage.stage), 200)}_ (${stage.total})`, ...stage.lines.map(line)];
      for (const [index, text] of lines.entries()) {
        if (left || length + text.length + 1 > SECTION_BUDGET) {
          // A stage heading alone is not counted; its lines are.
          left += index === 0 ? 0 : 1;
          continue;
        }
        parts.push(text);
        length += text.length + 1;
      }
      if (stage.more && !left) {
        const more = `   +${stage.more} more`;
        parts.push(more);
        length += more.length + 1;
      } else left += stage.more;
    }
    if (left) parts.push(`   +${left} more`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: parts.join('\n') } });
  }
  const footer = [`Alerts collected until ${digest.until.slice(0, 16).replace('T', ' ')} UTC (${digest.timezone})`];
  if (layout.hiddenVendors)
    footer.unshift(`and ${layout.hiddenVendors} more vendor(s) with ${countLabel(layout.hiddenAlerts)}`);
  blocks.push({ type: 'context', elements: footer.map((text) => ({ type: 'mrkdwn', text })) });
  return { text: escapedWithin(title, 3_000), blocks };
}
