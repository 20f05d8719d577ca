import { stageLabel } from '../../domain/alert-text.js';
import {
  countLabel,
  type Digest,
  type DigestLine,
  digestLimits,
  digestTitle,
  layoutDigest,
} from '../../domain/digest.js';
import type { DiscordMessage } from './alert-embed.js';
import { DISCORD_LIMITS as L, escapeDiscord, fitEmbed, linkTarget } from './discord-text.js';

/** Discord allows 25 fields; one is kept for the vendors left out. */
const MAX_VENDORS = 24;
const FIELD_BUDGET = L.fieldValue - 40;
/** What the fields may hold together: the 6,000-character embed total less title, footer and names. */
const FIELDS_TOTAL = 5_000;

function line(item: DigestLine): string {
  const title = escapeDiscord(item.title, 180);
  const target = linkTarget(item.link);
  const also = item.alsoNames.length ? ` (also ${escapeDiscord(item.alsoNames.join(', '), 100)})` : '';
  return `• ${target ? `[${title}](${target})` : title}${also} · ${item.date}`;
}

/**
 * A digest as one embed: the period and count as title, one field per vendor holding its
 * alerts under their stages. Long digests show a few lines per stage and count the rest; a
 * field that would pass its share of the 6,000-character embed total (at most 1,024) stops
 * early and counts what it left out.
 */
export function digestEmbed(digest: Digest): DiscordMessage {
  const limits = digestLimits(digest);
  const layout = layoutDigest(digest, { ...limits, maxVendors: Math.min(limits.maxVendors, MAX_VENDORS) });
  // Shared out before writing, so that fitEmbed never has to cut a field mid-line.
  const budget = Math.min(FIELD_BUDGET, Math.floor(FIELDS_TOTAL / Math.max(1, layout.groups.length)));
  const fields = layout.groups.map((group) => {
    const parts: string[] = [];
    let length = 0;
    let left = 0;
    for (const stage of group.stages) {
      const lines = [`*${escapeDiscord(stageLabel(stage.stage), 100)}* (${stage.total})`, ...stage.lines.map(line)];
      for (const [index, text] of lines.entries()) {
        if (left || length + text.length + 1 > budget) {
          left += index === 0 ? 0 : 1;
          continue;
        }
        parts.push(text);
        length += text.length + 1;
      }
      if (stage.more && !left) parts.push(`+${stage.more} more`);
      else left += stage.more;
    }
    if (left) parts.push(`+${left} more`);
    return {
      name: escapeDiscord(`${group.vendor} — ${countLabel(group.total)}`, L.fieldName),
      value: parts.join('\n').slice(0, L.fieldValue),
    };
  });
  if (layout.hiddenVendors)
    fields.push({
      name: `${layout.hiddenVendors} more vendor(s)`,
      value: countLabel(layout.hiddenAlerts),
    });
  return {
    embeds: [
      fitEmbed({
        title: escapeDiscord(digestTitle(digest), L.title),
        color: 0x1a73e8,
        fields,
        footer: {
          text: `Alerts collected until ${digest.until.slice(0, 16).replace('T', ' ')} UTC (${digest.timezone})`,
        },
        timestamp: digest.until,
      }),
    ],
    allowed_mentions: { parse: [] },
  };
}
