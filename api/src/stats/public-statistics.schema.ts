/** `Query.publicStatistics`: an agency's public figures of a year, on its own address, no sign-in. */
import { builder } from '../builder.ts';
import { getTenantConfig } from '../context.ts';
import type { PublicCount, PublicShare, PublicTimeFigure } from './public-figures.ts';
import {
  computePublicStatistics,
  getPublicYear,
  type PublicStatistics,
  type PublicStatisticsCharts,
  type PublicStatisticsMonth,
  type PublicStatisticsRow,
} from './public-statistics.service.ts';

const Language = builder.enumType('Language', {
  description: 'A language of the platform: Bahasa Indonesia, English.',
  values: { ID: { value: 'id' }, EN: { value: 'en' } } as const,
});

const PublicCountRef = builder.objectRef<PublicCount>('PublicCount').implement({
  description: 'A count the public may see: a count of 1 to 4 is not given (shown as "< 5"); 0 is.',
  fields: (t) => ({
    value: t.exposeInt('value', { nullable: true, description: 'null when suppressed.' }),
    suppressed: t.exposeBoolean('suppressed'),
  }),
});

const PublicTimeFigureRef = builder.objectRef<PublicTimeFigure>('PublicTimeFigure').implement({
  description: 'A median and 90th percentile, in working and calendar days, with the cases behind them; not shown under 5 cases.',
  fields: (t) => ({
    cases: t.field({ type: PublicCountRef, resolve: (figure) => figure.cases }),
    shown: t.exposeBoolean('shown'),
    medianWorkingDays: t.exposeFloat('medianWorkingDays', { nullable: true }),
    p90WorkingDays: t.exposeFloat('p90WorkingDays', { nullable: true }),
    medianDays: t.exposeFloat('medianDays', { nullable: true }),
    p90Days: t.exposeFloat('p90Days', { nullable: true }),
  }),
});

const PublicShareRef = builder.objectRef<PublicShare>('PublicShare').implement({
  description: 'The share answered within the service standard (0 to 1) of the answered cases with a standard.',
  fields: (t) => ({
    share: t.exposeFloat('share', { nullable: true }),
    cases: t.field({ type: PublicCountRef, resolve: (share) => share.cases }),
    shown: t.exposeBoolean('shown'),
  }),
});

const PublicRowKind = builder.enumType('PublicStatisticsRowKind', {
  values: {
    KEY: { description: 'A case type, category, channel or status, named by `key`.' },
    NONE: { description: 'Reports where none was recorded.' },
    OTHER: { description: 'Reports of kinds the agency no longer offers.' },
    CONFIDENTIAL: { description: 'The confidential reports, not broken down.' },
  } as const,
});

const PublicRowRef = builder.objectRef<PublicStatisticsRow>('PublicStatisticsRow').implement({
  fields: (t) => ({
    kind: t.field({ type: PublicRowKind, resolve: (row) => row.kind }),
    key: t.exposeString('key', { nullable: true }),
    label: t.exposeString('label'),
    received: t.field({ type: PublicCountRef, resolve: (row) => row.received }),
  }),
});

const PublicMonthRef = builder.objectRef<PublicStatisticsMonth>('PublicStatisticsMonth').implement({
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM, in the agency’s calendar.' }),
    label: t.exposeString('label'),
    received: t.field({ type: PublicCountRef, resolve: (month) => month.received }),
  }),
});

const PublicChartsRef = builder.objectRef<PublicStatisticsCharts>('PublicStatisticsCharts').implement({
  description: 'The page’s charts as static SVG (no script, no external reference); a suppressed count is drawn as no bar, marked "< 5".',
  fields: (t) => ({
    perMonth: t.exposeString('perMonth'),
    byCaseType: t.exposeString('byCaseType'),
    byCategory: t.exposeString('byCategory'),
    byStatus: t.exposeString('byStatus'),
    byChannel: t.exposeString('byChannel'),
  }),
});

const PublicStatisticsRef = builder.objectRef<PublicStatistics>('PublicStatistics').implement({
  description: 'An agency’s figures of one year as the public may see them (docs/statistics.md, "Public figures").',
  fields: (t) => ({
    year: t.exposeInt('year'),
    from: t.field({ type: 'Date', resolve: (stats) => stats.from }),
    to: t.field({ type: 'Date', resolve: (stats) => stats.to, description: 'The end of the year, or today while the year runs.' }),
    years: t.exposeIntList('years', { description: 'The years with reports, newest first (always the current one).' }),
    computedAt: t.field({ type: 'DateTime', resolve: (stats) => stats.computedAt }),
    received: t.field({ type: PublicCountRef, resolve: (stats) => stats.received }),
    answered: t.field({ type: PublicCountRef, resolve: (stats) => stats.answered }),
    firstResponse: t.field({ type: PublicTimeFigureRef, resolve: (stats) => stats.firstResponse }),
    resolution: t.field({ type: PublicTimeFigureRef, resolve: (stats) => stats.resolution }),
    withinStandard: t.field({ type: PublicShareRef, resolve: (stats) => stats.withinStandard }),
    months: t.field({ type: [PublicMonthRef], resolve: (stats) => stats.months }),
    byCaseType: t.field({ type: [PublicRowRef], resolve: (stats) => stats.byCaseType }),
    byCategory: t.field({ type: [PublicRowRef], description: 'By violation type.', resolve: (stats) => stats.byCategory }),
    byChannel: t.field({ type: [PublicRowRef], resolve: (stats) => stats.byChannel }),
    byStatus: t.field({ type: [PublicRowRef], resolve: (stats) => stats.byStatus }),
    charts: t.field({ type: PublicChartsRef, resolve: (stats) => stats.charts }),
  }),
});

builder.queryFields((t) => ({
  publicStatistics: t.field({
    type: PublicStatisticsRef,
    description:
      'The agency’s public statistics of a year (the current one in its time zone by default), on `/t/<slug>/graphql`. ' +
      'BAD_USER_INPUT with details.reason INVALID_DATE (before 2000) or RANGE_IN_FUTURE (a year not begun).',
    args: {
      year: t.arg.int({ required: false }),
      locale: t.arg({ type: Language, required: false, description: 'The labels’ language; by default the Accept-Language header’s.' }),
    },
    resolve: async (_, args, ctx) => {
      const config = await getTenantConfig(ctx);
      const now = new Date();
      const range = getPublicYear(args.year, config.timeZone, now);
      const locale = args.locale ?? ctx.locale;
      // The year is checked above, the agency exists, the language is one of two: a bounded key.
      const key = `${config.configVersion}|${range.year}|${range.to}|${locale}`;
      return ctx.publicStatistics.get(config.id, key, () => computePublicStatistics(ctx.db.sql, config, range, locale, now));
    },
  }),
}));
