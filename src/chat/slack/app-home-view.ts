import type { types } from '@slack/bolt';
import type { OverviewVendor, TenantOverview } from '../../commands/tenant-overview.js';
import { escapedWithin, mrkdwnLink, slackPlain } from './slack-text.js';

/** Slack's limits for a Home tab: 100 blocks, 3,000 characters a section, 150 a header. */
export const HOME_MAX_BLOCKS = 100;
const SECTION_MAX = 3_000;
/** Channels shown one section each; the rest are counted. */
const MAX_CHANNELS = 30;
/** Sections of packed vendor names: about a hundred names. */
const MAX_VENDOR_SECTIONS = 6;

type Block = types.KnownBlock;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: slackPlain(text, 150) } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/**
 * The Home tab a member of one workspace sees: that workspace's subscriptions, the latest alerts
 * delivered to them and the vendors they follow, drawn from the neutral overview (which holds
 * nothing of another workspace). Every piece of text is escaped; channels are named as Slack
 * links (`<#C…>`), which show only to people who may see the channel.
 */
export function appHomeView(overview: TenantOverview): types.HomeView {
  const blocks: Block[] = [header('banwatch in this workspace')];
  blocks.push(...channelBlocks(overview));
  blocks.push({ type: 'divider' }, header('Recent alerts'));
  if (!overview.alerts.length) blocks.push(context('No alert has been delivered to these channels lately.'));
  for (const alert of overview.alerts) {
    const vendors = alert.vendors.length ? ` · ${escapedWithin(alert.vendors.join(', '), 200)}` : '';
    const where = alert.channels.map((id) => escapedWithin(id, 80)).join(', ');
    blocks.push(
      section(mrkdwnLink(alert.link, alert.title, 2_000)),
      context(`${alert.createdAt.slice(0, 10)} · ${escapedWithin(alert.action, 40)}${vendors} · in ${where}`),
    );
  }
  blocks.push({ type: 'divider' }, header('Tracked vendors'));
  blocks.push(...vendorBlocks(overview.vendors));
  return { type: 'home', blocks: fit(blocks) };
}

function channelBlocks(overview: TenantOverview): Block[] {
  if (!overview.channels.length)
    return [section('No channel of this workspace gets banwatch alerts yet. Type `/banwatch subscribe` in one.')];
  const blocks = [header(`Subscriptions (${overview.channels.length})`)];
  for (const channel of overview.channels.slice(0, MAX_CHANNELS)) {
    const name = channel.channel && /^[CG][A-Z0-9]+$/.test(channel.channel) ? `<#${channel.channel}>` : '';
    const filters = [
      channel.vendors.length ? `vendors: ${escapedWithin(channel.vendors.join(', '), 600)}` : 'all vendors',
      channel.minScore !== undefined ? `score at least ${channel.minScore}` : '',
      channel.sources.length ? `sources: ${escapedWithin(channel.sources.join(', '), 400)}` : '',
      `${channel.watchTerms} watch terms${channel.mutes ? `, ${channel.mutes} muted` : ''}`,
    ].filter(Boolean);
    blocks.push(section(`*${escapedWithin(channel.id, 200)}* ${name}\n${filters.join(' · ')}`));
  }
  if (overview.channels.length > MAX_CHANNELS)
    blocks.push(context(`and ${overview.channels.length - MAX_CHANNELS} more channels`));
  return blocks;
}

/** Vendors as a few packed sections: a supplier list of a thousand names must not take a block each. */
function vendorBlocks(vendors: readonly OverviewVendor[]): Block[] {
  if (!vendors.length) return [context('No vendor filter or watch term yet (`/banwatch watch add NAME`).')];
  const texts = [''];
  let shown = 0;
  for (const vendor of vendors) {
    const count = `${vendor.channels.length} channel${vendor.channels.length === 1 ? '' : 's'}`;
    const piece = `• *${escapedWithin(vendor.name, 100)}* — ${count} (${vendor.via.join(', ')})`;
    let last = texts[texts.length - 1] as string;
    if (last && last.length + 1 + piece.length > SECTION_MAX) {
      if (texts.length >= MAX_VENDOR_SECTIONS) break;
      texts.push('');
      last = '';
    }
    texts[texts.length - 1] = last ? `${last}\n${piece}` : piece;
    shown++;
  }
  const blocks = texts.map(section);
  if (shown < vendors.length) blocks.push(context(`and ${vendors.length - shown} more (\`/banwatch watch export\`)`));
  return blocks;
}

/** Never more than Slack takes: blocks past the limit give way to a note saying so. */
function fit(blocks: Block[]): Block[] {
  if (blocks.length <= HOME_MAX_BLOCKS) return blocks;
  const kept = blocks.slice(0, HOME_MAX_BLOCKS - 1);
  kept.push(context(`…${blocks.length - kept.length} more blocks not shown`));
  return kept;
}
