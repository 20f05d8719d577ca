import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/domain/item.js';
import { classifyItem } from '../../src/pipeline/classify-item.js';
import { classifier } from '../classify/default-classifier.js';

const STATE_TITLE = 'Prohibits state agencies from purchasing drones made by foreign adversaries';
const stage = (title: string, jurisdiction?: string): Item => ({
  sourceId: 'states',
  key: 'bill:us-tn-sb1234:passed-both',
  title,
  kind: 'bill',
  thread: {
    key: 'bill:us-tn-sb1234',
    label: 'Tennessee SB1234 (2024)',
    stage: 'passed-both',
    conclusive: false,
    vendors: ['DJI'],
    ...(jurisdiction ? { jurisdiction } : {}),
  },
});

describe('classifyItem on a tracked bill stage', () => {
  it("takes the jurisdiction the source knows (a state legislature) over the text's reading", () => {
    const result = classifyItem(stage(STATE_TITLE, 'US-state:TN'), classifier);
    expect(result).toMatchObject({ relevant: true, jurisdiction: 'US-state:TN' });
    expect(result.vendors).toContain('DJI');
  });

  it('reads a federal bill as US-federal when neither the source nor the text says otherwise', () => {
    expect(classifyItem(stage('Drone Security Act of 2024'), classifier).jurisdiction).toBe('US-federal');
  });
});
