import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { configFiles } from '../support/config-files.js';

const { file, problems } = configFiles('banwatch-mentions-');
const env = { SLACK_BOT_TOKEN: 'xoxb-1-config-test', SLACK_SIGNING_SECRET: 'secret-config-test' };
const slackChannel = (mentions: string) =>
  `channels:\n  - id: sec\n    type: slack\n    channel: C0SEC0001\n    mentions: ${mentions}\n`;

describe('channel mentions and triage settings', () => {
  it('loads a rule into vendors, stages and checked targets; triage.suggestMuteAfter defaults to 3', () => {
    const config = loadConfig({
      file: file(
        slackChannel('[{when: {vendors: [Hikvision], stage: [enacted, in-effect]}, ping: ["<!subteam^S0PROC001>"]}]'),
      ),
      env,
    });
    expect(config.channels[0]?.mentions).toEqual([
      { vendors: ['Hikvision'], stages: ['enacted', 'in-effect'], ping: [{ kind: 'slack-group', id: 'S0PROC001' }] },
    ]);
    expect(config.triage).toEqual({ suggestMuteAfter: 3 });
    expect(loadConfig({ file: file('triage: {suggestMuteAfter: 5}\n'), env: {} }).triage.suggestMuteAfter).toBe(5);
  });

  it('refuses a friendly handle, an unknown stage, a rule without conditions and a target of the other platform', () => {
    const found = problems(
      slackChannel(
        '[{when: {vendors: [DJI]}, ping: ["@procurement"]}, {when: {stage: [passed]}, ping: ["<@U0A1>"]}, {when: {}, ping: ["<@U0A1>"]}]',
      ),
      env,
    ).join('\n');
    expect(found).toContain('"@procurement" is a name, not an id');
    expect(found).toMatch(/stage.*expected a stage: proposed/);
    expect(found).toContain('name vendors, stage or both');
    // Checked once every rule reads: the channel's platform against each target.
    expect(problems(slackChannel('[{when: {vendors: [DJI]}, ping: ["role:700000000000000001"]}]'), env)).toEqual([
      expect.stringContaining('channels[0].mentions[0].ping[0]: a slack channel pings only Slack groups and users'),
    ]);
  });
});
