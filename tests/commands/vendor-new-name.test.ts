/**
 * `vendor NAME` for a vendor the catalogue lacks but the classifier found in headlines (issue 16):
 * it answers how many recent alerts named it, instead of "no vendor called ...".
 */
import { describe, expect, it } from 'vitest';
import { vendorHandler } from '../../src/commands/handlers/vendor-handler.js';
import type { Alert } from '../../src/domain/alert.js';
import type { AlertLog } from '../../src/domain/ports.js';
import { catalog, classify } from '../classify/default-classifier.js';

function alertFor(title: string, i: number): Alert {
  return {
    id: `a${i}`,
    sourceId: 's',
    sourceName: 'Wire',
    itemKey: `k${i}`,
    title,
    classification: classify(title),
    createdAt: `2026-01-0${i + 1}T00:00:00Z`,
  } as Alert;
}

const log = (alerts: Alert[]): AlertLog => ({
  record: () => Promise.resolve(),
  recent: (limit) => Promise.resolve(alerts.slice(0, limit)),
});

describe('vendor NAME for a name new to the catalogue', () => {
  const alerts = [
    alertFor('Ohio bans Chinese AI app Zenbot on state devices', 0),
    alertFor('Canada blocks DeepSeek and Zenbot on government phones', 1),
    alertFor('Germany bans Huawei from 5G core', 2),
  ];

  it('says it is not in the catalogue and in how many alerts it was seen', async () => {
    const answer = await vendorHandler({ catalog, alerts: log(alerts) }).run(['zenbot'], {} as never);
    expect(answer.title).toBe('Zenbot — not in the catalogue, seen in 2 alerts');
    expect(answer.sections[0]?.lines.map((l) => l.text)).toEqual([
      '2026-01-01 Ohio bans Chinese AI app Zenbot on state devices (Wire)',
      '2026-01-02 Canada blocks DeepSeek and Zenbot on government phones (Wire)',
    ]);
  });

  it('still answers "no vendor" for a name no alert named', async () => {
    const answer = await vendorHandler({ catalog, alerts: log(alerts) }).run(['Quuxly'], {} as never);
    expect(answer.title).toBe('No vendor called "Quuxly" in the catalog');
  });
});
