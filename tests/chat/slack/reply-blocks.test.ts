import { describe, expect, it } from 'vitest';
import { replyBlocks } from '../../../src/chat/slack/reply-blocks.js';
import { line, reply } from '../../../src/commands/reply.js';

type Section = { type: string; text: { type: string; text: string } };

describe('replyBlocks', () => {
  it('renders title, headings and bulleted lines, linking lines with a URL', () => {
    const answer = reply('Hikvision — video surveillance, China', [
      {
        heading: 'Restrictions',
        lines: [
          line('FCC Covered List · US-federal', 'https://www.fcc.gov/supplychain/coveredlist'),
          line('none <yet>'),
        ],
      },
    ]);
    const message = replyBlocks(answer);
    expect(message).toMatchObject({
      response_type: 'ephemeral',
      text: 'Hikvision — video surveillance, China',
      replace_original: false,
    });
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Hikvision — video surveillance, China*' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Restrictions*\n• <https://www.fcc.gov/supplychain/coveredlist|FCC Covered List · US-federal>\n• none &lt;yet&gt;',
        },
      },
    ]);
  });

  it('puts admin changes in the channel', () => {
    expect(replyBlocks(reply('Watch term added', [], { visibility: 'channel' })).response_type).toBe('in_channel');
  });

  it('never lets a link URL or a label break out of its link', () => {
    const message = replyBlocks(reply('t', [{ lines: [line('a|b> <!channel>', 'https://x.example/?q=<!here>|y')] }]));
    const text = (message.blocks[1] as Section).text.text;
    expect(text).toBe('• <https://x.example/?q=%3C!here%3E%7Cy|a¦b&gt; &lt;!channel&gt;>');
  });

  it('keeps every section within 3,000 characters and the message within 50 blocks', () => {
    const many = Array.from({ length: 400 }, (_, i) => line(`${i} ${'x'.repeat(400)}`));
    const message = replyBlocks(reply('Long', [{ heading: 'Lines', lines: many }]));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks.slice(0, -1))
      expect((block as Section).text.text.length).toBeLessThanOrEqual(3_000);
    expect(JSON.stringify(message.blocks.at(-1))).toMatch(/more sections not shown/);
  });
});
