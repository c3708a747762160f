import { describe, expect, it } from 'vitest';
import { barChart, type ChartInput, columnChart, listMonthLabels, stackedColumnChart, wrapLabel } from './charts.ts';

const FIRST_COLOUR = '#1d4ed8';

/** The bars of the first series: ECharts draws each as a filled path. */
function countBars(svg: string, colour = FIRST_COLOUR): number {
  return svg.match(new RegExp(`<path [^>]*fill="${colour}"`, 'g'))?.length ?? 0;
}

const months: ChartInput = {
  title: 'Aduan per bulan 2026',
  labels: listMonthLabels('id'),
  series: [{ name: 'Diterima', values: [12, 30, 7, 9, 14, 22, 8, 5, 17, 40, 11, 6] }],
  locale: 'id',
};

describe('charts', () => {
  it('draws one column per month, named by locale, as a static, self-describing SVG', () => {
    const svg = columnChart(months);
    expect(countBars(svg)).toBe(12);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toMatch(/^<svg [^>]*aria-label="Aduan per bulan 2026"/);
    expect(svg).toContain('<title>Aduan per bulan 2026</title>');
    expect(svg).toMatch(/^<svg [^>]*width="100%" viewBox="0 0 640 280"/);
    expect(svg).toContain('>Okt<');
    expect(columnChart({ ...months, labels: listMonthLabels('en'), locale: 'en' })).toContain('>Oct<');
    // Nothing to run, fetch or animate; no style sheet of ECharts' hover states.
    for (const forbidden of ['<script', '<style', '<image', 'href', 'url(', '<animate', '@import', 'ecmeta_', 'zr0-']) {
      expect(svg).not.toContain(forbidden);
    }
  });

  it('gives equal output for equal input', () => {
    expect(columnChart(months)).toBe(columnChart(months));
    const bars = { ...months, labels: ['A', 'B'], series: [{ name: 'x', values: [1, 2] }] };
    expect(barChart(bars)).toBe(barChart(bars));
  });

  it('draws a suppressed count (null) as no bar, never as 0, and says "< 5" in the description', () => {
    const withNull = { ...months, series: [{ name: 'Diterima', values: [12, null, 7, 9, 14, 22, 8, 5, 17, 40, 11, 6] }] };
    const svg = columnChart(withNull);
    expect(countBars(svg)).toBe(11);
    expect(svg).toMatch(/<desc>[^<]*Feb: &#60; 5;/);
    // …and on the chart, where the bar would start.
    expect(svg.match(/>&lt; 5<\/text>/g)).toHaveLength(1);
    expect(columnChart(months)).not.toContain('&lt; 5');
    const bars = barChart({ title: 'Jenis', labels: ['A', 'B', 'C'], series: [{ name: 'n', values: [3, null, 0] }], locale: 'id' });
    expect(bars).toMatch(/<desc>A: 3; B: &#60; 5; C: 0<\/desc>/);
    expect(bars.match(/>&lt; 5<\/text>/g)).toHaveLength(1);
  });

  it('escapes labels, titles and series names from tenant configuration', () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=1>', "' onload='1"];
    const input: ChartInput = {
      title: '<script>alert(2)</script>',
      labels: hostile,
      series: [
        { name: '"><svg onload=1>', values: [1, 2, 3] },
        { name: 'b', values: [1, 2, 3] },
      ],
      locale: 'id',
    };
    for (const svg of [columnChart(input), barChart(input), stackedColumnChart(input)]) {
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/<img/i);
      expect(svg).not.toMatch(/<svg[^>]*onload/i);
      // No attribute named on…: only the one root element's attributes and ECharts' own.
      expect(svg).not.toMatch(/<[^>]*\son[a-z]+=/i);
      expect(svg.match(/<svg\b/g)).toHaveLength(1);
      expect(svg).toContain('&lt;script&gt;alert(1)');
    }
  });

  it('keeps long breakdown labels readable at 360 px: at most two lines, cut with an ellipsis', () => {
    const long = 'Pelayanan Administrasi Kependudukan dan Pencatatan Sipil Tingkat Kecamatan';
    const svg = barChart({ title: 'Menurut jenis', labels: [long, 'Jalan'], series: [{ name: 'n', values: [5, 9] }], locale: 'id' });
    expect(svg).toMatch(/viewBox="0 0 360 /);
    expect(countBars(svg)).toBe(2);
    const wrapped = wrapLabel(long, 21, 2).split('\n');
    expect(wrapped).toHaveLength(2);
    expect(wrapped.every((line) => line.length <= 21)).toBe(true);
    expect(wrapped[1]).toMatch(/…$/);
    expect(svg).toContain(`>${wrapped[0]}<`);
    // The whole label stays in the description.
    expect(svg).toContain(`<desc>${long}: 5;`);
    expect(wrapLabel('Jalan', 21, 2)).toBe('Jalan');
  });

  it('stacks series per label with a legend', () => {
    const svg = stackedColumnChart({
      title: 'Tahap',
      labels: ['Verifikasi', 'Tindak lanjut', 'Jawaban'],
      series: [
        { name: 'Tepat waktu', values: [10, 20, 30] },
        { name: 'Terlambat', values: [1, null, 3] },
      ],
      locale: 'id',
    });
    // Each series' bars and its legend swatch; the suppressed value draws nothing.
    expect(countBars(svg)).toBe(3 + 1);
    expect(countBars(svg, '#b45309')).toBe(2 + 1);
    expect(svg).toContain('>Terlambat<');
  });
});
