import { describe, expect, it } from 'vitest';
import { parsePingTarget, pingsFor, type MentionRule } from '../../src/domain/mention-rule.js';
import { sampleAlert } from '../support/sample-alert.js';

describe('ping targets', () => {
  it('reads Slack groups and users and Discord roles and users by id', () => {
    expect(parsePingTarget('<!subteam^S0PROC001>')).toEqual({
      ok: true,
      target: { kind: 'slack-group', id: 'S0PROC001' },
    });
    expect(parsePingTarget('<!subteam^S0PROC001|@procurement>')).toMatchObject({ target: { kind: 'slack-group' } });
    expect(parsePingTarget('<@U0ALICE01>')).toEqual({ ok: true, target: { kind: 'slack-user', id: 'U0ALICE01' } });
    expect(parsePingTarget('role:700000000000000001')).toMatchObject({ target: { kind: 'discord-role' } });
    expect(parsePingTarget('<@&700000000000000001>')).toMatchObject({ target: { kind: 'discord-role' } });
    expect(parsePingTarget('user:300000000000000001')).toMatchObject({ target: { kind: 'discord-user' } });
    expect(parsePingTarget('<@!300000000000000001>')).toMatchObject({ target: { kind: 'discord-user' } });
  });

  it('refuses names, broadcasts and anything else with the form to use', () => {
    for (const raw of [
      '@procurement',
      '<!channel>',
      '<!here>',
      '@everyone',
      '<!subteam^S1 evil>',
      'role:abc',
      'procurement',
    ]) {
      const checked = parsePingTarget(raw);
      expect(checked.ok, raw).toBe(false);
      if (!checked.ok) expect(checked.reason).toContain('<!subteam^S…>');
    }
  });
});

describe('pingsFor', () => {
  const group: MentionRule = {
    vendors: ['hikvision'],
    stages: ['enacted', 'rule'],
    ping: [{ kind: 'slack-group', id: 'S1' }],
  };
  const role: MentionRule = { vendors: ['Hikvision'], ping: [{ kind: 'discord-role', id: '700000000000000001' }] };

  it('pings nobody without rules, and nobody when no rule matches', () => {
    expect(pingsFor(undefined, sampleAlert(), 'slack')).toEqual([]);
    const dji = sampleAlert({ classification: { ...sampleAlert().classification, vendors: ['DJI'] } });
    expect(pingsFor([group], dji, 'slack')).toEqual([]);
    const proposed = sampleAlert({ classification: { ...sampleAlert().classification, stage: 'proposed' } });
    expect(pingsFor([group], proposed, 'slack')).toEqual([]);
  });

  it('matches vendors case-insensitively and stages by the classifier or the tracked stage', () => {
    expect(pingsFor([group], sampleAlert(), 'slack')).toEqual([{ kind: 'slack-group', id: 'S1' }]);
    const enacted = sampleAlert({
      classification: { ...sampleAlert().classification, stage: 'proposed' },
      thread: { key: 'bill:hr1-118', label: 'H.R.1', stage: 'enacted', conclusive: true },
    });
    expect(pingsFor([group], enacted, 'slack')).toHaveLength(1);
  });

  it('gives each platform only its own targets, once each', () => {
    expect(pingsFor([group, role, group], sampleAlert(), 'discord')).toEqual([
      { kind: 'discord-role', id: '700000000000000001' },
    ]);
    expect(pingsFor([group, role, group], sampleAlert(), 'slack')).toEqual([{ kind: 'slack-group', id: 'S1' }]);
  });
});
