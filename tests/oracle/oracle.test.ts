/**
 * The oracle itself, against hand-typed values (so the tests that lean on it lean on something
 * checked), then the product's money functions against the oracle on many generated amounts:
 * rounding half away from zero at every half, negatives, thousands separators.
 */
import fc from 'fast-check';
import {
  divRound,
  fen,
  gapWords,
  ledgerFigures,
  pctFraction,
  pctText,
  pointsNumber,
  pointsText,
  rate,
  sichuanLine,
  timeProgress,
  wanNumber,
  wanText,
  yuanText,
  type RawLine,
} from './oracle';
import { fenToWanNumber, formatPercent, formatPoints, formatWan, formatYuan } from '../../src/core/money/format';
import { ratePercent, timeProgress as productTimeProgress } from '../../src/core/money/percent';
import { roundDiv } from '../../src/core/money/fen';
import { parseAmount } from '../../src/core/money/parse-amount';
import { PERSONNEL, PROJECTS, PUBLIC } from '../../scripts/sample-data';

describe('the oracle, by hand', () => {
  test('divRound rounds half away from zero', () => {
    expect([divRound(5n, 2n), divRound(-5n, 2n), divRound(5n, -2n), divRound(7n, 2n), divRound(-7n, 2n)]).toEqual([
      3n,
      -3n,
      -3n,
      4n,
      -4n,
    ]);
    expect([divRound(4n, 3n), divRound(5n, 3n), divRound(1n, 3n), divRound(-1n, 3n), divRound(0n, 7n)]).toEqual([
      1n,
      2n,
      0n,
      0n,
      0n,
    ]);
  });

  test('fen reads 分 and decimal 元 / 万元 exactly', () => {
    expect(fen(12345)).toBe(12345n);
    expect(fen('1234.56')).toBe(123456n);
    expect(fen('-1234.56')).toBe(-123456n);
    expect(fen('516.42', '万元')).toBe(516_420_000n);
    expect(fen('12.3456', '万元')).toBe(12_345_600n);
    expect(fen('0.005')).toBe(1n);
    expect(fen('-0.005')).toBe(-1n);
    expect(fen('0.0049')).toBe(0n);
    expect(fen('0.0000005', '万元')).toBe(1n);
    expect(() => fen(0.5)).toThrow();
  });

  test('万元 with two decimals: rounded up, on a half, negative, never "-0.00"', () => {
    const cases: [bigint, string][] = [
      [516_420_000n, '516.42'],
      [0n, '0.00'],
      [12345n, '0.01'], // 123.45元 = 0.012345万元
      [1_234_500n, '1.23'], // 12,345元 = 1.2345万元
      [1_225_000n, '1.23'], // exactly half: away from zero (half-even would give 1.22)
      [1_235_000n, '1.24'],
      [1_229_999n, '1.23'], // rounds up (truncating would give 1.22)
      [1_224_999n, '1.22'],
      [-1_225_000n, '-1.23'],
      [-1_229_999n, '-1.23'],
      [-4_999n, '0.00'],
      [-5_000n, '-0.01'],
      [5_000n, '0.01'],
      [99_995_000n, '100.00'],
      [123_456_789_012_345n, '123456789.01'], // 1,234,567,890,123.45元
    ];
    for (const [f, text] of cases) expect([f, wanText(f)]).toEqual([f, text]);
    expect(wanNumber(1_225_000n)).toBe(1.23);
    expect(wanNumber(-1_225_000n)).toBe(-1.23);
  });

  test('元 with thousands separators', () => {
    const cases: [bigint, string][] = [
      [123_456_789n, '1,234,567.89'],
      [100n, '1.00'],
      [0n, '0.00'],
      [5n, '0.05'],
      [-123_456_789n, '-1,234,567.89'],
      [99_999_999n, '999,999.99'],
      [100_000_000n, '1,000,000.00'],
      [12_345_678_901_234n, '123,456,789,012.34'],
    ];
    for (const [f, text] of cases) expect([f, yuanText(f)]).toEqual([f, text]);
  });

  test('percentages, points and the numbers cells hold', () => {
    expect([pctText(6455n), pctText(0n), pctText(10000n), pctText(-5n), pctText(12345n)]).toEqual([
      '64.55%',
      '0.00%',
      '100.00%',
      '-0.05%',
      '123.45%',
    ]);
    expect([pointsText(-392n), pointsText(392n), pointsText(0n)]).toEqual(['3.92', '3.92', '0.00']);
    expect([pctFraction(7071n), pctFraction(10000n), pctFraction(5n), pctFraction(-1n), pctFraction(0n)]).toEqual([
      0.7071, 1, 0.0005, -0.0001, 0,
    ]);
    expect([pointsNumber(-392n), pointsNumber(404n), pointsNumber(-6667n)]).toEqual([-3.92, 4.04, -66.67]);
  });

  test('执行率, 时间进度, 偏差 words and the Sichuan lines', () => {
    expect(rate(36_871_235n, 57_120_000n)).toBe(6455n);
    expect(rate(324_051_597n, 516_420_000n)).toBe(6275n);
    expect(rate(0n, 100n)).toBe(0n);
    expect(rate(1n, 0n)).toBeNull();
    expect(rate(5n, -100n)).toBeNull();
    expect(rate(2n, 3n)).toBe(6667n);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(timeProgress)).toEqual([
      833n,
      1667n,
      2500n,
      3333n,
      4167n,
      5000n,
      5833n,
      6667n,
      7500n,
      8333n,
      9167n,
      10000n,
    ]);
    expect(gapWords(-392n)).toBe('低于时间进度3.92个百分点');
    expect(gapWords(5n)).toBe('高于时间进度0.05个百分点');
    expect(gapWords(0n)).toBe('与时间进度持平');
    expect([3, 4, 5, 6, 7, 8, 9, 10, 12].map(sichuanLine)).toEqual([
      null,
      2500n,
      2500n,
      4000n,
      4000n,
      6000n,
      6000n,
      8000n,
      8000n,
    ]);
  });

  test('the sample ledger’s raw figures give the seed report’s figures (domain.md)', () => {
    const raw: RawLine[] = [
      ...PERSONNEL.map((l) => ({ ...l, category: '人员支出' as const })),
      ...PUBLIC.map((l) => ({ ...l, category: '公用支出' as const })),
      ...PROJECTS.map((l) => ({ ...l, category: '项目支出' as const })),
    ].map((l) => ({
      name: l.name,
      category: l.category,
      initial: fen(String(l.initial)),
      adjustment: fen(String(l.adjustment)),
      executed: fen(String(l.executed)),
      forecast: fen(String(l.initial)) + fen(String(l.adjustment)),
    }));
    const f = ledgerFigures(raw, 8);
    expect(wanText(f.total.initial)).toBe('439.68');
    expect(wanText(f.total.adjustment)).toBe('76.74');
    expect(wanText(f.total.budget)).toBe('516.42');
    expect(wanText(f.categories.人员支出.budget)).toBe('406.14');
    expect(wanText(f.categories.公用支出.budget)).toBe('57.12');
    expect(wanText(f.categories.项目支出.budget)).toBe('53.16');
    expect(wanText(f.categories.公用支出.executed)).toBe('36.87');
    expect(f.categories.公用支出.rate).toBe(6455n);
    expect(f.categories.项目支出.rate).toBe(0n);
    expect(f.total.rate).toBe(6275n);
    expect(f.total.deviation).toBe(-392n);
    expect(wanText(f.total.executed)).toBe('324.05');
    expect(wanText(f.categories.人员支出.executed)).toBe('287.18');
    expect(wanText(f.basic.budget)).toBe('463.26');
    // 406.14 / 516.42, 57.12 / 516.42, 53.16 / 516.42
    expect(f.shares).toEqual({ 人员支出: 7865n, 公用支出: 1106n, 项目支出: 1029n });
    expect(f.flagged.map((l) => l.name)).toEqual(['维权帮扶项目经费', '省级财政工会专项资金']);
    expect(f.projectPlan).toEqual({
      initialCount: 1,
      initialSum: 2_000_000n,
      addedCount: 1,
      addedSum: 51_160_000n,
      otherAdjustment: 0n,
    });
  });
});

/** Amounts that sit on, just below and just above every rounding edge of 万元 and 0.01%. */
const edgy: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.integer({ min: -1e8, max: 1e8 }).map((k) => k * 10_000 + 5_000),
  fc
    .tuple(fc.integer({ min: -1e8, max: 1e8 }), fc.constantFrom(-1, 0, 1, 4_999, 5_001, 9_999))
    .map(([k, d]) => k * 10_000 + d),
);

describe('the product’s money functions agree with the oracle', () => {
  test('formatWan and fenToWanNumber: half away from zero at every half, negatives included', () => {
    fc.assert(
      fc.property(edgy, (f) => {
        expect(formatWan(f)).toBe(wanText(BigInt(f)));
        expect(fenToWanNumber(f)).toBe(wanNumber(BigInt(f)));
      }),
      { numRuns: 3000 },
    );
  });

  test('formatYuan: a comma every three digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (f) => {
        expect(formatYuan(f)).toBe(yuanText(BigInt(f)));
      }),
      { numRuns: 2000 },
    );
    for (const f of [0, 99, 100_000, 99_999_999, 100_000_000, 123_456_789, -123_456_789]) {
      expect(formatYuan(f)).toBe(yuanText(BigInt(f)));
    }
  });

  test('ratePercent, formatPercent, formatPoints and time progress', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.oneof(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 1, max: 40 })),
        (executed, budget) => {
          const r = rate(BigInt(executed), BigInt(budget));
          expect(ratePercent(executed, budget)).toBe(r === null ? null : Number(r));
          if (r !== null) {
            expect(formatPercent(Number(r))).toBe(pctText(r));
            expect(formatPoints(Number(r) - 6667)).toBe(pointsText(r - 6667n));
          }
        },
      ),
      { numRuns: 3000 },
    );
    for (let m = 1; m <= 12; m++) expect(productTimeProgress(m)).toBe(Number(timeProgress(m)));
  });

  test('roundDiv is the oracle’s divRound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -1e6, max: 1e6 }).filter((d) => d !== 0),
        (n, d) => {
          expect(roundDiv(n, d)).toBe(Number(divRound(BigInt(n), BigInt(d))));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('amounts as offices type them read to the oracle’s 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), (f, asWan) => {
        const text = yuanText(BigInt(f));
        const r = parseAmount(text, '元');
        expect(r).toEqual({ ok: true, fen: f, empty: false });
        if (asWan) {
          // The same amount written in 万元 with six decimals.
          const digits = Math.abs(f).toString().padStart(7, '0');
          const wan = `${f < 0 ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`;
          expect(parseAmount(wan, '万元')).toEqual({ ok: true, fen: Number(fen(wan, '万元')), empty: false });
          expect(Number(fen(wan, '万元'))).toBe(f);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
