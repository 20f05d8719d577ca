import type { SlackBlock } from './slack-api.js';

/**
 * Slack's Block Kit limits, which it enforces by refusing the whole message (`invalid_blocks`):
 * 50 blocks in a message (100 in a Home tab view), a header's text 150 characters, a section's 3,000,
 * a context element's 2,000, buttons' ids, values and labels.
 */
export function withinBlockLimits(blocks: readonly SlackBlock[], maxBlocks = 50): boolean {
  if (blocks.length > maxBlocks) return false;
  return blocks.every((block) => {
    if (block.type === 'header') return (block.text?.text.length ?? 0) <= 150;
    if (block.type === 'section') return (block.text?.text.length ?? 0) <= 3_000;
    if (block.type === 'context') return (block.elements ?? []).every((element) => element.text.length <= 2_000);
    // Buttons: at most 25 per actions block, action_id 255, value 2,000, label 75 characters.
    if (block.type === 'actions') {
      const elements = (block.elements ?? []) as unknown as Array<{
        action_id?: string;
        value?: string;
        text?: { text: string };
      }>;
      return (
        elements.length <= 25 &&
        elements.every(
          (e) =>
            (e.action_id ?? '').length <= 255 && (e.value ?? '').length <= 2_000 && (e.text?.text.length ?? 0) <= 75,
        )
      );
    }
    return true;
  });
}

/** A Home tab view as views.publish received it. */
export interface HomeViewBody {
  type: string;
  blocks: SlackBlock[];
}

/** Why views.publish would refuse a Home tab view (the user unknown, not a home view, over the limits), or nothing. */
export function homeViewProblem(view: unknown, userKnown: boolean): string | undefined {
  if (!userKnown) return 'user_not_found';
  const home = view as { type?: string; blocks?: SlackBlock[] } | undefined;
  if (home?.type !== 'home' || !Array.isArray(home.blocks)) return 'invalid_arguments';
  return withinBlockLimits(home.blocks, 100) ? undefined : 'invalid_blocks';
}
