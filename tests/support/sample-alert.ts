import type { Alert } from '../../src/domain/alert.js';

/** A realistic alert; tests override what they look at. */
export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'therecord:g:0011223344556677',
    sourceId: 'therecord',
    sourceName: 'therecord.media',
    itemKey: 'g:0011223344556677',
    title: 'FCC bans new Hikvision and Dahua equipment authorizations',
    link: 'https://therecord.media/fcc-bans-hikvision-dahua',
    summary: 'The Federal Communications Commission voted to bar new approvals.',
    publishedAt: '2022-11-25T15:00:00.000Z',
    classification: {
      relevant: true,
      score: 0.93,
      vendors: ['Hikvision', 'Dahua'],
      action: 'ban',
      stage: 'rule',
      jurisdiction: 'US-federal',
      reasons: ['vendor "Hikvision"', 'ban cue "bans"', 'jurisdiction US-federal: "FCC"'],
    },
    createdAt: '2022-11-25T15:05:00.000Z',
    matchedBy: 'relevant',
    ...overrides,
  };
}
