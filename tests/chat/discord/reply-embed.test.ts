import { describe, expect, it } from 'vitest';
import { reply } from '../../../src/commands/reply.js';
import { fitEmbed } from '../../../src/chat/discord/discord-text.js';
import { replyMessage } from '../../../src/chat/discord/reply-embed.js';

describe('a command reply as an embed', () => {
  it('escapes markdown and mentions in every line and links only http(s) URLs', () => {
    const answer = reply('**Bold** @everyone', [
      {
        heading: 'Links',
        lines: [
          { text: 'safe [x](y)', url: 'https://example.gov/a_(b)' },
          { text: 'unsafe', url: 'javascript:alert(1)' },
          { text: '<@123456> `code`' },
        ],
      },
    ]);
    const message = replyMessage(answer);
    const embed = message.embeds[0];
    expect(embed?.title).toBe('\\*\\*Bold\\*\\* @\u200beveryone');
    expect(embed?.description).toBe(
      [
        '**Links**',
        '• [safe \\[x\\]\\(y\\)](https://example.gov/a_%28b%29)',
        '• unsafe',
        '• <\u200b@123456\\> \\`code\\`',
      ].join('\n'),
    );
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('is ephemeral for lookups and refusals, public for confirmations', () => {
    expect(replyMessage(reply('lookup', [])).flags).toBe(64);
    const refusal = replyMessage(reply('refused', [], { visibility: 'channel', code: 'NOT_ADMIN' }));
    expect(refusal.flags).toBe(64);
    expect(refusal.embeds[0]?.footer).toEqual({ text: 'code NOT_ADMIN' });
    expect(replyMessage(reply('done', [], { visibility: 'channel' })).flags).toBeUndefined();
  });

  it('cuts a long answer on a line boundary and says how much is left', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ text: `line ${i} ${'x'.repeat(50)}` }));
    const description = replyMessage(reply('many', [{ lines }])).embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4_096);
    expect(description).toMatch(/\n… and \d+ more lines$/);
    const shown = description.split('\n').filter((l) => l.startsWith('• ')).length;
    expect(description).toContain(`… and ${200 - shown} more lines`);
  });

  it('keeps a whole embed within 6,000 characters', () => {
    const fitted = fitEmbed({
      title: 't'.repeat(256),
      description: 'd'.repeat(4_096),
      fields: Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1_024) })),
    });
    const total = [fitted.title, fitted.description, ...(fitted.fields ?? []).flatMap((f) => [f.name, f.value])].join(
      '',
    ).length;
    expect(total).toBeLessThanOrEqual(6_000);
    expect(fitted.fields?.every((f) => f.value.length === 1_024)).toBe(true);
    expect(fitted.description?.endsWith('…')).toBe(true);
  });
});
