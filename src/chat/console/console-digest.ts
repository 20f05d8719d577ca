import { plainText, stageLabel, truncate } from '../../domain/alert-text.js';
import { countLabel, type Digest, digestLimits, digestTitle, layoutDigest } from '../../domain/digest.js';

/** A digest on a terminal: vendors, their stages, one line per alert; feed text stripped of control characters. */
export function formatConsoleDigest(digest: Digest, channelId: string): string {
  const layout = layoutDigest(digest, digestLimits(digest));
  const lines = [`── DIGEST · ${digestTitle(digest)} · to ${channelId}`];
  for (const group of layout.groups) {
    lines.push(`   ${plainText(group.vendor)} — ${countLabel(group.total)}`);
    for (const stage of group.stages) {
      lines.push(`     ${stageLabel(stage.stage)} (${stage.total})`);
      for (const item of stage.lines) {
        const also = item.alsoNames.length ? ` (also ${plainText(item.alsoNames.join(', '))})` : '';
        lines.push(
          `       • ${truncate(plainText(item.title), 200)}${also} · ${plainText(item.sourceName)} · ${item.date}`,
        );
        if (item.link) lines.push(`         ${truncate(plainText(item.link), 300)}`);
      }
      if (stage.more) lines.push(`       +${stage.more} more`);
    }
  }
  if (layout.hiddenVendors)
    lines.push(`   and ${layout.hiddenVendors} more vendor(s) with ${countLabel(layout.hiddenAlerts)}`);
  return `${lines.join('\n')}\n`;
}
