import type { SlackBlock } from './slack-api.js';

/**
 * Slack's Block Kit limits, which it enforces by refusing the whole message (`invalid_blocks`):
 * 50 blocks, a header's text 150 characters, a section's 3,000, a context element's 2,000.
 */
export function withinBlockLimits(blocks: readonly SlackBlock[]): boolean {
  if (blocks.length > 50) return false;
  return blocks.every((block) => {
    if (block.type === 'header') return (block.text?.text.length ?? 0) <= 150;
    if (block.type === 'section') return (block.text?.text.length ?? 0) <= 3_000;
    if (block.type === 'context') return (block.elements ?? []).every((element) => element.text.length <= 2_000);
    return true;
  });
}
