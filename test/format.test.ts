import { expect } from '@esm-bundle/chai';
import { formatCompact, formatDate, formatNumber, formatPercent, formatPercentShort } from '../src/i18n/format.js';

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
});
