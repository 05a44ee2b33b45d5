import { expect } from '@esm-bundle/chai';
import {
  decimalsApart,
  formatCompact,
  formatDate,
  formatDateSpoken,
  formatNumber,
  formatPercent,
  formatPercentShort,
  isolate,
} from '../src/i18n/format.js';

describe('format (Intl, vi and en)', () => {
  it('writes whole numbers with the reader’s thousands separator', () => {
    expect(formatNumber(201884, 'vi')).to.equal('201.884');
    expect(formatNumber(201884, 'en')).to.equal('201,884');
    expect(formatNumber(82.5, 'vi')).to.equal('82,5');
  });

  it('writes percentages with one decimal, two for a KPI rate', () => {
    expect(formatPercent(6 / 38, 'vi')).to.equal('15,8%');
    expect(formatPercent(6 / 38, 'en')).to.equal('15.8%');
    expect(formatPercent(74336 / 74587, 'vi', 2)).to.equal('99,66%');
    expect(formatPercent(74336 / 74587, 'en', 2)).to.equal('99.66%');
    expect(formatPercentShort(0.9, 'vi')).to.equal('90%');
  });

  it('writes dates as dd/mm/yyyy in Vietnamese and unambiguously in English, without time-zone drift', () => {
    expect(formatDate('2024-10-04', 'vi')).to.equal('04/10/2024');
    expect(formatDate('2024-10-04', 'en')).to.equal('4 Oct 2024');
    expect(formatDate('2024-10-04T23:30:00+07:00', 'vi')).to.equal('04/10/2024');
  });

  it('writes large numbers in words', () => {
    expect(formatCompact(1_300_000, 'vi')).to.equal('1,3 triệu');
    expect(formatCompact(1_300_000, 'en')).to.equal('1.3 million');
  });

  describe('figures that never mislead', () => {
    it('never rounds a share to 100% unless it is whole, nor to 0% unless it is nothing', () => {
      expect(formatPercent(1999 / 2000, 'vi')).to.equal('>\u00a099,9%');
      expect(formatPercent(1999 / 2000, 'en')).to.equal('>\u00a099.9%');
      expect(formatPercent(1 / 1_000_000, 'vi')).to.equal('<\u00a00,1%');
      expect(formatPercent(1 / 1_000_000, 'en')).to.equal('<\u00a00.1%');
      expect(formatPercent(149999 / 150000, 'vi', 2)).to.equal('>\u00a099,99%');
      expect(formatPercent(1 / 1_000_000, 'en', 2)).to.equal('<\u00a00.01%');
      // Exactly the whole, exactly nothing, and shares that round honestly, as before.
      expect(formatPercent(1, 'vi')).to.equal('100,0%');
      expect(formatPercent(0, 'vi')).to.equal('0,0%');
      expect(formatPercent(1, 'en', 2)).to.equal('100.00%');
      expect(formatPercent(0.9994, 'vi')).to.equal('99,9%');
      expect(formatPercent(0.0005, 'vi')).to.equal('0,1%');
      expect(formatPercent(0.00049, 'vi')).to.equal('<\u00a00,1%');
    });

    it('says the bounds in words for a sentence read aloud', () => {
      expect(formatPercent(1999 / 2000, 'vi', 1, true)).to.equal('hơn 99,9%');
      expect(formatPercent(1999 / 2000, 'en', 1, true)).to.equal('over 99.9%');
      expect(formatPercent(1 / 1_000_000, 'vi', 1, true)).to.equal('dưới 0,1%');
      expect(formatPercent(1 / 1_000_000, 'en', 2, true)).to.equal('under 0.01%');
      expect(formatPercent(6 / 38, 'vi', 1, true)).to.equal('15,8%');
    });

    it('keeps a short percentage (a target) from rounding to 0% or 100% too', () => {
      expect(formatPercentShort(0.99999, 'vi')).to.equal('>\u00a099,99%');
      expect(formatPercentShort(0.00001, 'en')).to.equal('<\u00a00.01%');
      expect(formatPercentShort(1, 'vi')).to.equal('100%');
      expect(formatPercentShort(0.995, 'vi')).to.equal('99,5%');
      expect(formatPercentShort(0.99995, 'vi', 3)).to.equal('99,995%');
    });

    it('finds the decimals that tell a figure from its target', () => {
      const pct = (x: number, d: number) => formatPercent(x, 'vi', d);
      expect(decimalsApart(0.89999, 0.9, 2, pct)).to.equal(3);
      expect(pct(0.89999, 3)).to.equal('89,999%');
      expect(decimalsApart(0.8, 0.9, 2, pct)).to.equal(2);
      expect(decimalsApart(0.9, 0.9, 2, pct)).to.equal(2);
      expect(decimalsApart(99.9961, 100, 2, (x, d) => formatNumber(x, 'en', d))).to.equal(3);
    });
  });

  it('writes a date for the ear: "ngày 31 tháng 5 năm 2024", "31 May 2024"', () => {
    expect(formatDateSpoken('2024-05-31', 'vi')).to.equal('ngày 31 tháng 5 năm 2024');
    expect(formatDateSpoken('2024-05-31', 'en')).to.equal('31 May 2024');
    expect(formatDateSpoken('2024-10-04T23:30:00+07:00', 'vi')).to.equal('ngày 4 tháng 10 năm 2024');
    expect(formatDateSpoken('2024-01-01T00:30:00+07:00', 'en')).to.equal('1 January 2024');
    expect(formatDateSpoken('not a date', 'vi')).to.equal('not a date');
    // The compact forms for the screen are unchanged.
    expect(formatDate('2024-05-31', 'vi')).to.equal('31/05/2024');
    expect(formatDate('2024-05-31', 'en')).to.equal('31 May 2024');
  });

  it('isolates feed text that could reorder what follows it, and leaves other text alone', () => {
    expect(isolate('Nghệ An')).to.equal('Nghệ An');
    expect(isolate('Bộ \u202ECông an')).to.equal('\u2068Bộ \u202ECông an\u2069');
    expect(isolate('عربي')).to.equal('\u2068عربي\u2069');
    // A stray isolate mark inside cannot end the isolation early.
    expect(isolate('a\u2069\u202Eb')).to.equal('\u2068a\u202Eb\u2069');
  });
});
