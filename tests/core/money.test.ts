import fc from 'fast-check';
import { parseAmount } from '../../src/core/money/parse-amount';
import { formatWan, formatYuan, formatPercent } from '../../src/core/money/format';
import { ratePercent, timeProgress } from '../../src/core/money/percent';
import { roundDiv } from '../../src/core/money/fen';
import { numberToFen, parseScaled } from '../../src/core/money/parse-decimal';

describe('parseAmount reads amounts as clerks write them', () => {
  test.each([
    [1234.56, '元', 123456],
    ['1,234.56', '元', 123456],
    ['￥1,234.56', '元', 123456],
    ['¥ 1 234.56', '元', 123456],
    ['１２３４．５６', '元', 123456],
    ['(1,234.00)', '元', -123400],
    ['-1,234.00', '元', -123400],
    ['57.12', '万元', 57120000],
    [57.12, '万元', 57120000],
    ['12.5万元', '元', 12500000],
    ['3000元', '万元', 300000],
    [0.1 + 0.2, '元', 30],
    [406.14, '万元', 406140000],
  ] as const)('%p in %s is %p 分', (input, unit, fen) => {
    expect(parseAmount(input, unit)).toEqual({ ok: true, fen, empty: false });
  });

  test.each(['-', '—', '', '  ', null])('%p is an empty zero', (input) => {
    expect(parseAmount(input, '元')).toEqual({ ok: true, fen: 0, empty: true });
  });

  test.each([
    [{ error: '#N/A' }, '#N/A'],
    ['#DIV/0!', '#DIV/0!'],
    ['约五千', '不是金额'],
    [true, '逻辑值'],
  ] as const)('%p is refused with a reason naming it', (input, words) => {
    const r = parseAmount(input, '元');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(words);
  });

  test('any amount written with separators and a currency sign reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        const text = `￥${formatYuan(fen)}`;
        expect(parseAmount(text, '元')).toEqual({ ok: true, fen, empty: false });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numbers as Excel stores them become exact 分', () => {
  test('any 元 amount with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (fen) => {
        expect(numberToFen(fen / 100, 100)).toBe(fen === 0 ? 0 : fen);
      }),
      { numRuns: 5000 },
    );
  });
  test('any 万元 amount with up to six decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(numberToFen(fen / 1e6, 1e6)).toBe(fen === 0 ? 0 : fen);
      }),
      { numRuns: 5000 },
    );
  });
  test('more decimals than the unit holds round half away from zero', () => {
    expect(numberToFen(12.345, 100)).toBe(1235);
    expect(numberToFen(-12.345, 100)).toBe(-1235);
    expect(numberToFen(0.125, 100)).toBe(13);
  });
});

describe('rounding is exact and half away from zero', () => {
  test('roundDiv agrees with exact BigInt rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), (n, d) => {
        const a = BigInt(Math.abs(n));
        const b = BigInt(d);
        const q = (2n * a + b) / (2n * b);
        expect(roundDiv(n, d)).toBe(n < 0 ? -Number(q) || 0 : Number(q));
      }),
      { numRuns: 3000 },
    );
  });

  test('parseScaled rounds the digit after the scale', () => {
    expect(parseScaled('0.125', 2)).toBe(13);
    expect(parseScaled('0.124', 2)).toBe(12);
    expect(parseScaled('-0.125', 2)).toBe(-13);
    expect(parseScaled('1e5', 2)).toBeNull();
  });
});

describe('presenting money and rates', () => {
  test('the sample figures', () => {
    expect(formatWan(516420000)).toBe('516.42');
    expect(formatWan(368712_35)).toBe('36.87');
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(1930000)).toBe('1.93');
    expect(formatPercent(ratePercent(368712_35, 571200_00)!)).toBe('64.55%');
    expect(formatPercent(ratePercent(3240515_97, 5164200_00)!)).toBe('62.75%');
    expect(formatPercent(timeProgress(8))).toBe('66.67%');
    expect(formatPercent(timeProgress(12))).toBe('100.00%');
  });

  test('no rate when the budget is zero or negative', () => {
    expect(ratePercent(100, 0)).toBeNull();
    expect(ratePercent(100, -5)).toBeNull();
  });
});
