import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonAnswer } from '../../src/sources/json-answer.js';

const schema = z.object({ bill: z.object({ number: z.string() }) });

describe('readJsonAnswer', () => {
  it('returns the checked value of a JSON answer', () => {
    expect(readJsonAnswer(Buffer.from('{"bill":{"number":"5515"}}'), schema, 'Congress.gov, H.R.5515')).toEqual({
      ok: true,
      value: { bill: { number: '5515' } },
    });
  });

  it('names what was asked for when the answer is not JSON', () => {
    expect(readJsonAnswer(Buffer.from('<html>down for maintenance'), schema, 'Federal Register, term "DJI"')).toEqual({
      ok: false,
      failure: { kind: 'parse', message: 'Federal Register, term "DJI": the answer is not JSON' },
    });
  });

  it('names the first field that changed shape', () => {
    const answer = readJsonAnswer(Buffer.from('{"bill":{"number":5515}}'), schema, 'Congress.gov, H.R.5515');
    expect(answer.ok).toBe(false);
    if (!answer.ok)
      expect(answer.failure.message).toMatch(/^Congress\.gov, H\.R\.5515: unexpected answer \(bill\.number: /);
  });
});
