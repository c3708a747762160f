/**
 * Charts of the statistics pages and the monthly report (issue 15): plain data in, one
 * standalone SVG string out, rendered on the server by Apache ECharts (ADR 0033).
 *
 * The SVG is static: no script, no animation, no style sheet, no font file, image or URL; it
 * scales with its `viewBox` (`width="100%"`) and carries `role="img"`, an `aria-label` and a
 * `<title>` with the chart's title, and a `<desc>` listing every value (so a screen reader, or a
 * label cut short on a phone, loses nothing). Labels come from tenant configuration (admin
 * input): ECharts escapes text it writes, and our own additions go through `escapeXml`.
 *
 * A `null` value is a count suppressed for privacy (shown as "< 5" on the pages): it is drawn as
 * no bar, never as 0, and written "< 5" where the bar would start and in the description. Equal
 * input gives equal output.
 */
import * as echarts from 'echarts';

export type ChartLocale = 'id' | 'en';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartInput {
  title: string;
  labels: string[];
  series: ChartSeries[];
  locale: ChartLocale;
  /** Drawing size in px (the SVG's viewBox); it scales to its container's width. */
  width?: number;
  height?: number;
}

/** What a suppressed count reads as, in the description and the pages. */
export const SUPPRESSED_TEXT = '< 5';

/** Colours with at least 4.5:1 contrast against white, told apart by lightness as well as hue. */
const PALETTE = ['#1d4ed8', '#b45309', '#b91c1c', '#15803d', '#6d28d9', '#0e7490'];
const TEXT_COLOUR = '#1f2937';
const GRID_COLOUR = '#d1d5db';
const FONT_SIZE = 12;
/** The SVG's text names generic families only: nothing to fetch, the reader's own sans-serif. */
const FONT_FAMILY = 'sans-serif';

/** Month names for a column chart of a year, January first. */
export function listMonthLabels(locale: ChartLocale, style: 'short' | 'long' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2000, month, 15))));
}

/** Vertical columns, one per label (e.g. reports per month, cases per day), side by side per series. */
export function columnChart(input: ChartInput): string {
  return renderChart(input, 'column');
}

/** Horizontal bars for a breakdown whose labels may be long (case types, categories). */
export function barChart(input: ChartInput): string {
  return renderChart(input, 'bar');
}

/** Vertical columns with the series stacked (e.g. on time / late / open overdue per stage). */
export function stackedColumnChart(input: ChartInput): string {
  return renderChart(input, 'stacked');
}

type Kind = 'column' | 'bar' | 'stacked';

function renderChart(input: ChartInput, kind: Kind): string {
  for (const series of input.series) {
    if (series.values.length !== input.labels.length) {
      throw new Error(`chart series "${series.name}" has ${series.values.length} values for ${input.labels.length} labels`);
    }
  }
  const width = Math.round(input.width ?? (kind === 'bar' ? 360 : 640));
  const rowHeight = 2 * FONT_SIZE + 14;
  const legendHeight = input.series.length > 1 ? 32 : 0;
  const height = Math.round(input.height ?? (kind === 'bar' ? Math.max(120, input.labels.length * rowHeight * input.series.length + 40 + legendHeight) : 280));
  const numberFormat = new Intl.NumberFormat(input.locale, { maximumFractionDigits: 1 });
  const formatValue = (value: number) => numberFormat.format(value);

  const labelWidth = kind === 'bar' ? Math.round(width * 0.4) : Math.max(24, Math.floor((width - 60) / Math.max(1, input.labels.length)));
  const maxChars = Math.max(4, Math.floor(labelWidth / (FONT_SIZE * 0.55)));
  const shownLabels = input.labels.map((label) => wrapLabel(label, maxChars, kind === 'bar' ? 2 : 1));

  const categoryAxis = {
    type: 'category' as const,
    data: shownLabels,
    inverse: kind === 'bar',
    axisTick: { show: false },
    axisLine: { lineStyle: { color: TEXT_COLOUR } },
    axisLabel: { interval: 0, color: TEXT_COLOUR, fontSize: FONT_SIZE, fontFamily: FONT_FAMILY, lineHeight: FONT_SIZE + 2 },
    silent: true,
  };
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: TEXT_COLOUR, fontSize: FONT_SIZE, fontFamily: FONT_FAMILY, formatter: formatValue },
    splitLine: { lineStyle: { color: GRID_COLOUR } },
    silent: true,
  };
  const showValueLabels = kind !== 'stacked' && (kind === 'bar' || input.labels.length * input.series.length <= 16);

  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      silent: true,
      color: PALETTE,
      textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR },
      grid: {
        left: kind === 'bar' ? labelWidth + 8 : 8,
        right: kind === 'bar' ? 40 : 8,
        top: 16,
        bottom: 8 + legendHeight,
        containLabel: kind !== 'bar',
      },
      legend:
        input.series.length > 1
          ? { show: true, bottom: 0, silent: true, textStyle: { fontSize: FONT_SIZE, color: TEXT_COLOUR }, data: input.series.map((s) => s.name) }
          : { show: false },
      xAxis: kind === 'bar' ? valueAxis : categoryAxis,
      yAxis: kind === 'bar' ? categoryAxis : valueAxis,
      series: input.series.map((series) => ({
        type: 'bar',
        name: series.name,
        data: series.values.map((value) => (value === null ? null : value)),
        stack: kind === 'stacked' ? 'total' : undefined,
        silent: true,
        emphasis: { disabled: true },
        barMaxWidth: 48,
        label: {
          show: showValueLabels,
          position: kind === 'bar' ? 'right' : 'top',
          color: TEXT_COLOUR,
          fontSize: FONT_SIZE - 1,
          formatter: (params: { value: unknown }) => (typeof params.value === 'number' ? formatValue(params.value) : ''),
        },
      })),
    });
    markSuppressed(chart, input, kind);
    return finishSvg(chart.renderToSVGString(), width, height, input.title, describe(input, formatValue));
  } finally {
    chart.dispose();
  }
}

/**
 * Writes "< 5" where a suppressed count's bar would start, so that a gap does not read as 0.
 * Only with one series: with several, a gap's place inside its group is not one point.
 */
function markSuppressed(chart: echarts.ECharts, input: ChartInput, kind: Kind): void {
  const series = input.series[0];
  if (input.series.length !== 1 || !series || kind === 'stacked') return;
  const marks = series.values.flatMap((value, index) => {
    if (value !== null) return [];
    const point = chart.convertToPixel({ seriesIndex: 0 }, kind === 'bar' ? [0, index] : [index, 0]) as number[];
    const [x, y] = point;
    if (x === undefined || y === undefined) return [];
    return [
      {
        type: 'text' as const,
        x: kind === 'bar' ? x + 4 : x,
        y: kind === 'bar' ? y : y - 4,
        silent: true,
        style: {
          text: SUPPRESSED_TEXT,
          fill: TEXT_COLOUR,
          fontSize: FONT_SIZE - 1,
          fontFamily: FONT_FAMILY,
          align: kind === 'bar' ? ('left' as const) : ('center' as const),
          verticalAlign: kind === 'bar' ? ('middle' as const) : ('bottom' as const),
        },
      },
    ];
  });
  if (marks.length > 0) chart.setOption({ graphic: marks });
}

/** "Label: value; …" per series, the values a reader would otherwise only see as lengths. */
function describe(input: ChartInput, formatValue: (value: number) => string): string {
  return input.series
    .map((series) => {
      const values = input.labels.map((label, index) => {
        const value = series.values[index];
        return `${label}: ${value === null || value === undefined ? SUPPRESSED_TEXT : formatValue(value)}`;
      });
      return `${input.series.length > 1 ? `${series.name}: ` : ''}${values.join('; ')}`;
    })
    .join('. ');
}

/**
 * Breaks a label into at most `lines` lines of about `maxChars` characters at spaces; the last
 * line takes the rest, cut with "…" when it does not fit (a word longer than a line is cut too).
 */
export function wrapLabel(label: string, maxChars: number, lines: number): string {
  const words = label.replace(/\s+/g, ' ').trim().split(' ');
  const out: string[] = [];
  while (out.length < lines - 1 && words.length > 0) {
    let line = '';
    while (words.length > 0 && `${line} ${words[0]}`.trim().length <= maxChars) line = `${line} ${words.shift()}`.trim();
    if (!line) break;
    out.push(line);
  }
  const rest = words.join(' ');
  if (rest) out.push(rest.length <= maxChars ? rest : `${rest.slice(0, maxChars - 1).trimEnd()}…`);
  return out.join('\n');
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Makes ECharts' server-side SVG static and self-describing: drops its hover style sheet, its
 * per-instance class names (which made equal input differ) and its hydration attributes; sizes
 * it by viewBox; adds the accessible name and description.
 */
function finishSvg(raw: string, width: number, height: number, title: string, description: string): string {
  const body = raw
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\n\s*\n/g, '\n');
  const open = body.match(/^<svg\b[^>]*>/);
  if (!open) throw new Error('ECharts returned no <svg> element');
  const root =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="100%" viewBox="0 0 ${width} ${height}"` +
    ` role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>`;
  return `${root}${body.slice(open[0].length).trim()}`;
}
