import { describe, expect, it } from 'vitest';
import { BANNER_NAMES, namedList } from '../../src/cli/run-command.js';

describe("run's start-up banner lists", () => {
  it('names every entry of a short list, and the first ones of a fleet with how many more', () => {
    expect(namedList(['a every 10m', 'b every 1h'], 'none configured')).toBe('a every 10m, b every 1h');
    expect(namedList([], 'none configured')).toBe('none configured');
    const fleet = Array.from({ length: 100_000 }, (_, i) => `s${i}`);
    const line = namedList(fleet, 'none configured');
    expect(line).toBe(`${fleet.slice(0, BANNER_NAMES).join(', ')}, and ${100_000 - BANNER_NAMES} more`);
  });
});
