import { describe, expect, it } from 'vitest';
import { checkTerm, mentions, prepareText } from '../../src/domain/watch-term.js';

describe('checkTerm', () => {
  it('accepts a phrase and folds its spacing', () => {
    expect(checkTerm('  Unitree   Robotics ')).toEqual({ ok: true, term: 'Unitree Robotics' });
  });
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(101), 'at most 100'],
    ['bad\u0007bell', 'control'],
    ['evil\u202Eterm', 'control'],
    ['!!!', 'letter or digit'],
  ])('refuses %j with a clear reason', (raw, reason) => {
    const result = checkTerm(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('mentions', () => {
  const text = prepareText('Commerce adds Unitree to Entity List; ZTE’s unit (a.k.a. C++ shop) named');
  it('matches literal phrases on word boundaries, case-insensitively', () => {
    expect(mentions(text, 'unitree')).toBe(true);
    expect(mentions(text, 'Entity List')).toBe(true);
    expect(mentions(text, 'ZTE')).toBe(true);
    expect(mentions(text, 'unit')).toBe(true);
    expect(mentions(text, 'tree')).toBe(false);
    expect(mentions(text, 'Commerce adds Unitree to')).toBe(true);
  });
  it('treats regular-expression characters literally', () => {
    expect(mentions(text, 'C++')).toBe(true);
    expect(mentions(text, '.*')).toBe(false);
    expect(mentions(prepareText('a.k.a. stuff'), 'a.k.a.')).toBe(true);
  });
  it('matches CJK names without word boundaries', () => {
    expect(mentions(prepareText('美国制裁海康威视公司'), '海康威视')).toBe(true);
  });
});
