import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { deserializeFromKeyv, serializeForKeyv } from '../../src/store/keyv-space.js';

const defaults = new Keyv();

const samples: unknown[] = [
  {
    value: {
      sourceId: 'f1',
      at: '2026-11-29T12:00:00.000Z',
      items: [{ itemKey: 'g:1', title: ':colon first', link: undefined, channels: [] }],
    },
    expires: 1_800_000_000_000,
  },
  {
    value: [':a', 'b:', '::c', '', null, undefined, 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, true, false],
    expires: null,
  },
  {
    value: {
      ':key': ':value',
      nested: { deeper: [{ when: new Date('2026-01-02T03:04:05Z') }] },
      skip: undefined,
      fn: () => 1,
    },
    expires: undefined,
  },
  { value: 'plain', expires: null },
  { value: ':leading', expires: 5 },
  { value: 'Ünïcödé ✓ "quotes" \\ back\nslash \u2028', expires: null },
  { value: null, expires: null },
  { value: { 'ends:': ['x', ':y'], 'a,': [':z'], text: 'a,":b [":c' }, expires: null },
  { value: { items: [{ title: 'no colon-led strings here: none', n: 3 }] }, expires: 7 },
];

describe('keyv serializer', () => {
  it("writes the same text as keyv's default serializer, so old and new data read alike", async () => {
    for (const sample of samples) expect(serializeForKeyv(sample)).toBe(await defaults.serialize?.(sample as never));
  });

  it("round-trips through keyv's default deserializer, colon-led strings included", async () => {
    const sample = { value: { a: ':x', b: ['::y', 'z'] }, expires: null };
    expect(await defaults.deserialize?.(serializeForKeyv(sample))).toEqual(sample);
  });
});

describe('keyv deserializer', () => {
  it("reads every sample back as keyv's default deserializer does", async () => {
    const written = [
      ...samples.map((sample) => serializeForKeyv(sample)),
      '{"value":{"blob":":base64:aGk=","list":[":base64:","::"]},"expires":null}',
      '[ ":spaced" , "x"]',
    ];
    for (const text of written) expect(deserializeFromKeyv(text)).toEqual(await defaults.deserialize?.(text));
  });

  it('takes a Buffer back from its base64 form and drops one colon from escaped strings', () => {
    const read = deserializeFromKeyv<{ value: { blob: Buffer; text: string } }>(
      '{"value":{"blob":":base64:aGk=","text":"::x"}}',
    );
    expect(Buffer.isBuffer(read.value.blob) && read.value.blob.toString()).toBe('hi');
    expect(read.value.text).toBe(':x');
  });
});
