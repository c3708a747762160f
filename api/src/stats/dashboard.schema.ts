/**
 * The staff and secretariat dashboards in GraphQL (issue 15): `figures(filter)` on an agency's
 * console endpoint (its head and admin: their agency) and on the platform's (the province's
 * secretariat: each agency of its province; the operator: every agency). The figures over the
 * range (figures.service.ts) and what is open now (open-cases.service.ts) are counts for
 * whoever may read the agency's figures (stats/figure-access.ts); the cases listed and the
 * figures per handler and of satisfaction only count cases the viewer may open (CASL and
 * row-level security), and are null for a role that opens no case (the tenant admin).
 * Labels are the tenant configuration's, in the viewer's language.
 */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { getStaff, type Context } from '../context.ts';
import { Agency, configOf } from '../cases/staff-case.schema.ts';
import { CaseStatus } from '../cases/reporting.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { AppError } from '../errors.ts';
import { requestedFields } from '../graphql/requested-fields.ts';
import { localize } from '../i18n/locale.ts';
import { endOfLocalDay } from '../sla/working-days.ts';
import { ATTENTION_LIMIT, listAttentionCases, type AttentionCase } from './attention-cases.service.ts';
import { checkFigureFilter, type FigureFilter } from './figure-filter.ts';
import { figureAudience } from './figure-access.ts';
import { summarizeFigures, type BreakdownRow, type FigureTotals, type MonthRow, type StageRow, type TimeFigure } from './figures.service.ts';
import { listHandlerFigures, type HandlerFigure } from './handler-figures.service.ts';
import { AGEING_BUCKET_DAYS, summarizeOpenCases, type OpenCasesSummary } from './open-cases.service.ts';
import { listSatisfactionFigures, summarizeSatisfaction } from './satisfaction-figures.service.ts';

interface Labelled {
  config: TenantConfig;
}

const stageName = (config: TenantConfig, key: string, ctx: Context) => {
  for (const policy of config.slaPolicies) {
    const stage = policy.stages.find((item) => item.key === key);
    if (stage) return localize(stage.name as never, ctx.locale) ?? key;
  }
  return key;
};

const TimeFigureRef = builder.objectRef<TimeFigure>('TimeFigure').implement({
  description: 'A duration figure (docs/statistics.md), with the number of cases behind it; null figures when no case is.',
  fields: (t) => ({
    cases: t.exposeInt('cases'),
    medianWorkingDays: t.exposeFloat('medianWorkingDays', { nullable: true }),
    p90WorkingDays: t.exposeFloat('p90WorkingDays', { nullable: true }),
    medianDays: t.exposeFloat('medianDays', { nullable: true }),
    p90Days: t.exposeFloat('p90Days', { nullable: true }),
  }),
});

const FigureTotalsRef = builder.objectRef<FigureTotals>('FigureTotals').implement({
  description: 'Cases received in the range and what became of them (docs/statistics.md).',
  fields: (t) => ({
    received: t.exposeInt('received'),
    answered: t.exposeInt('answered'),
    rejected: t.exposeInt('rejected'),
    transferred: t.exposeInt('transferred'),
    closedUnanswered: t.exposeInt('closedUnanswered'),
    open: t.exposeInt('open', { description: 'Received in the range and still open.' }),
    escalated: t.exposeInt('escalated'),
    withinStandard: t.exposeInt('withinStandard'),
    answeredWithStandard: t.exposeInt('answeredWithStandard', {
      description: 'Answered cases of a type with a service standard: the base of the share within it.',
    }),
    firstResponse: t.field({ type: TimeFigureRef, resolve: (totals) => totals.firstResponse }),
    resolution: t.field({ type: TimeFigureRef, resolve: (totals) => totals.resolution }),
  }),
});

const MonthFigure = builder.objectRef<MonthRow>('MonthFigure').implement({
  fields: (t) => ({
    month: t.exposeString('month', { description: "'YYYY-MM' of the agency's calendar." }),
    received: t.exposeInt('received'),
    answered: t.exposeInt('answered'),
  }),
});

const BreakdownDimension = builder.enumType('FigureDimension', { values: ['CASE_TYPE', 'CATEGORY', 'CHANNEL', 'STATUS'] as const });
const DIMENSIONS = { caseType: 'CASE_TYPE', category: 'CATEGORY', channel: 'CHANNEL', status: 'STATUS' } as const;

const BreakdownFigure = builder.objectRef<BreakdownRow & Labelled>('BreakdownFigure').implement({
  fields: (t) => ({
    dimension: t.field({ type: BreakdownDimension, resolve: (row) => DIMENSIONS[row.dimension] }),
    key: t.string({ nullable: true, description: 'The case type, category or channel id, or the status; null: none recorded.', resolve: (row) => row.key }),
    label: t.string({
      nullable: true,
      description: "The case type's, category's or channel's name; null for a status (the client names it) and for none recorded.",
      resolve: ({ dimension, key, config }, _, ctx) => {
        if (key === null || dimension === 'status') return null;
        const items = dimension === 'caseType' ? config.caseTypes : dimension === 'category' ? config.categories : config.channels;
        return localize((items.find((item) => item.id === key)?.name ?? null) as never, ctx.locale);
      },
    }),
    confidential: t.exposeBoolean('confidential'),
    received: t.exposeInt('received'),
    answered: t.exposeInt('answered'),
  }),
});

const StageFigure = builder.objectRef<StageRow & Labelled>('StageFigure').implement({
  description: 'SLA compliance of one stage: finished on time or late (cases received in the range), and running now.',
  fields: (t) => ({
    stageKey: t.exposeString('stageKey'),
    name: t.string({ resolve: (row, _, ctx) => stageName(row.config, row.stageKey, ctx) }),
    onTime: t.exposeInt('onTime'),
    late: t.exposeInt('late'),
    open: t.exposeInt('open'),
    openOverdue: t.exposeInt('openOverdue'),
  }),
});

const StatusCount = builder.objectRef<{ status: string; open: number }>('StatusCount').implement({
  fields: (t) => ({
    status: t.field({ type: CaseStatus, resolve: (row) => row.status as never }),
    open: t.exposeInt('open'),
  }),
});

const StageBacklog = builder.objectRef<{ stageKey: string; open: number; overdue: number; config: TenantConfig | null }>('StageBacklog').implement({
  fields: (t) => ({
    stageKey: t.exposeString('stageKey'),
    name: t.string({ resolve: (row, _, ctx) => (row.config ? stageName(row.config, row.stageKey, ctx) : row.stageKey) }),
    open: t.exposeInt('open'),
    overdue: t.exposeInt('overdue'),
  }),
});

type OpenNowShape = Omit<OpenCasesSummary, 'tenantId'> & { config: TenantConfig | null };

const OpenNow = builder.objectRef<OpenNowShape>('OpenCaseFigures').implement({
  description: 'The cases open now, whatever their date of receipt (docs/statistics.md "Dashboards").',
  fields: (t) => ({
    open: t.exposeInt('open'),
    overdue: t.exposeInt('overdue'),
    escalated: t.exposeInt('escalated', { description: 'Open and escalated.' }),
    byStatus: t.field({ type: [StatusCount], resolve: (row) => row.byStatus }),
    byStage: t.field({ type: [StageBacklog], resolve: (row) => row.byStage.map((stage) => ({ ...stage, config: row.config })) }),
    ageing: t.intList({ description: 'Open cases by calendar days since receipt, bucket by bucket (Figures.ageingBucketDays).', resolve: (row) => row.ageing }),
  }),
});

interface SatisfactionShape {
  rated: number;
  satisfied: number;
  satisfiedShare: number | null;
}
const SatisfactionRef = builder.objectRef<SatisfactionShape>('SatisfactionFigure').implement({
  description: "Reporters' ratings of the answers, given in the range.",
  fields: (t) => ({
    rated: t.exposeInt('rated'),
    satisfied: t.exposeInt('satisfied'),
    satisfiedShare: t.exposeFloat('satisfiedShare', { nullable: true }),
  }),
});

const HandlerFigureRef = builder.objectRef<HandlerFigure>('HandlerFigure').implement({
  description: 'One handler: cases received in the range they handled, answered and answered within the standard; their open cases now.',
  fields: (t) => ({
    staffId: t.id({ resolve: (row) => row.staffUserId }),
    name: t.exposeString('name'),
    handled: t.exposeInt('handled'),
    answered: t.exposeInt('answered'),
    withinStandard: t.exposeInt('withinStandard'),
    open: t.exposeInt('open'),
    openOverdue: t.exposeInt('openOverdue'),
  }),
});

interface AgencyFiguresShape {
  config: TenantConfig;
  totals: FigureTotals;
  months: MonthRow[];
  breakdowns: BreakdownRow[];
  stages: StageRow[];
  openNow: OpenCasesSummary;
  handlers: HandlerFigure[] | null;
  satisfaction: SatisfactionShape | null;
}

const AgencyFigures = builder.objectRef<AgencyFiguresShape>('AgencyFigures').implement({
  fields: (t) => ({
    agency: t.field({ type: Agency, resolve: ({ config }) => ({ config }) }),
    totals: t.field({ type: FigureTotalsRef, resolve: (row) => row.totals }),
    months: t.field({ type: [MonthFigure], resolve: (row) => row.months }),
    breakdowns: t.field({ type: [BreakdownFigure], resolve: (row) => row.breakdowns.map((item) => ({ ...item, config: row.config })) }),
    stages: t.field({ type: [StageFigure], resolve: (row) => row.stages.map((item) => ({ ...item, config: row.config })) }),
    openNow: t.field({ type: OpenNow, resolve: (row) => ({ ...row.openNow, config: row.config }) }),
    handlers: t.field({
      type: [HandlerFigureRef],
      nullable: true,
      description: 'Null when the role opens no case. Counts only cases the viewer may open.',
      resolve: (row) => row.handlers,
    }),
    satisfaction: t.field({ type: SatisfactionRef, nullable: true, description: 'Null when the role opens no case.', resolve: (row) => row.satisfaction }),
  }),
});

const AttentionCaseRef = builder.objectRef<AttentionCase & Labelled>('AttentionCase').implement({
  description: 'An open case overdue or escalated, that the viewer may open.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => row.id }),
    registrationNumber: t.exposeString('registrationNumber'),
    agency: t.field({ type: Agency, resolve: ({ config }) => ({ config }) }),
    status: t.field({ type: CaseStatus, resolve: (row) => row.status as never }),
    stageName: t.string({ nullable: true, resolve: (row, _, ctx) => (row.stageKey ? stageName(row.config, row.stageKey, ctx) : null) }),
    stageDeadline: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.stageDeadline }),
    daysOverdue: t.exposeInt('daysOverdue', { nullable: true, description: 'Calendar days begun since the deadline passed; null when not overdue.' }),
    escalatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.escalatedAt }),
  }),
});

const AttentionCases = builder.objectRef<{ total: number; cases: (AttentionCase & Labelled)[] }>('AttentionCases').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    limit: t.int({ resolve: () => ATTENTION_LIMIT }),
    cases: t.field({ type: [AttentionCaseRef], resolve: (list) => list.cases }),
  }),
});

interface FiguresShape {
  filter: FigureFilter;
  agencies: AgencyFiguresShape[];
  total: FigureTotals;
  totalOpenNow: OpenCasesSummary;
  totalSatisfaction: SatisfactionShape | null;
  attention: { total: number; cases: (AttentionCase & Labelled)[] } | null;
}

const Figures = builder.objectRef<FiguresShape>('Figures').implement({
  fields: (t) => ({
    from: t.string({ resolve: (row) => row.filter.from }),
    to: t.string({ resolve: (row) => row.filter.to }),
    agencies: t.field({ type: [AgencyFigures], resolve: (row) => row.agencies }),
    total: t.field({ type: FigureTotalsRef, resolve: (row) => row.total }),
    totalOpenNow: t.field({ type: OpenNow, resolve: (row) => ({ ...row.totalOpenNow, config: null }) }),
    totalSatisfaction: t.field({ type: SatisfactionRef, nullable: true, resolve: (row) => row.totalSatisfaction }),
    ageingBucketDays: t.intList({
      description: 'Upper bounds (inclusive, calendar days) of the ageing buckets; a last bucket holds the older cases.',
      resolve: () => [...AGEING_BUCKET_DAYS],
    }),
    attention: t.field({
      type: AttentionCases,
      nullable: true,
      description:
        'Open cases overdue or escalated: how many there are (every case of the audience), and the first ones the viewer may open, most overdue first; null when the role opens no case.',
      resolve: (row) => row.attention,
    }),
  }),
});

const FigureFilterInput = builder.inputType('FigureFilterInput', {
  fields: (t) => ({
    from: t.string({ required: true, description: "'YYYY-MM-DD', the agencies' own calendar, inclusive." }),
    to: t.string({ required: true, description: "'YYYY-MM-DD', inclusive; not in the future." }),
    tenantIds: t.idList({ description: 'Only these agencies (each one the viewer may see); all of them when empty.' }),
    caseTypeIds: t.idList(),
    categoryIds: t.idList(),
    channelIds: t.idList(),
  }),
});

const ids = z.array(z.string().uuid()).max(200).nullish();

function sumOpen(rows: OpenCasesSummary[]): OpenCasesSummary {
  const total: OpenCasesSummary = {
    tenantId: '',
    open: 0,
    overdue: 0,
    escalated: 0,
    needsAttention: 0,
    byStatus: [],
    byStage: [],
    ageing: [...AGEING_BUCKET_DAYS.map(() => 0), 0],
  };
  for (const row of rows) {
    total.open += row.open;
    total.needsAttention += row.needsAttention;
    total.overdue += row.overdue;
    total.escalated += row.escalated;
    row.ageing.forEach((count, index) => {
      total.ageing[index]! += count;
    });
    for (const entry of row.byStatus) {
      const found = total.byStatus.find((item) => item.status === entry.status);
      if (found) found.open += entry.open;
      else total.byStatus.push({ ...entry });
    }
  }
  return total;
}

/** The start and the end (exclusive) of a local date range in a time zone, as instants. */
function instants(filter: FigureFilter, timeZone: string): { from: Date; to: Date } {
  const dayMs = 86_400_000;
  return { from: new Date(endOfLocalDay(filter.from, timeZone).getTime() + 1 - dayMs), to: new Date(endOfLocalDay(filter.to, timeZone).getTime() + 1) };
}

builder.queryFields((t) => ({
  figures: t.field({
    type: Figures,
    description:
      "The dashboards' figures over a range, per agency the viewer may see and in total (agency head and admin: their agency; the provincial secretariat: its province's agencies). BAD_USER_INPUT with details.reason for a bad range; NOT_FOUND for an agency the viewer may not see.",
    args: { filter: t.arg({ type: FigureFilterInput, required: true }) },
    resolve: async (_, { filter: input }, ctx, info) => {
      const viewer = await getStaff(ctx);
      // What the query asks for per agency: the console asks for the breakdowns only when it
      // shows one agency.
      const perAgency = requestedFields(info, 'agencies');
      const parts = { stages: perAgency.has('stages'), breakdowns: perAgency.has('breakdowns') || perAgency.has('months') };
      const now = new Date();
      const allTenantIds = (await ctx.db.prisma.tenant.findMany({ select: { id: true } })).map((tenant) => tenant.id);
      const audience = figureAudience(viewer, allTenantIds, input.tenantIds);
      const filter = checkFigureFilter(input, now);
      for (const field of ['caseTypeIds', 'categoryIds', 'channelIds'] as const) {
        if (!ids.safeParse(input[field]).success) {
          throw new AppError('BAD_USER_INPUT', 'Filter by known ids.', { issues: [{ path: [field], message: 'Filter by known ids.' }] });
        }
      }
      const configs = await Promise.all(audience.tenantIds.map((tenantId) => configOf(ctx, tenantId)));
      const configById = new Map(configs.map((config) => [config.id, config]));
      const caseViewer = { ability: viewer.ability, scope: audience.scope };
      // Ratings given within the range's dates, in each agency's own time zone.
      const ratingsOf = async (): Promise<ReturnType<typeof summarizeSatisfaction> | null> => {
        if (!viewer.ability.can('read', 'Case')) return null;
        const rows: ReturnType<typeof summarizeSatisfaction> = [];
        for (const zone of new Set(configs.map((config) => config.timeZone))) {
          const tenantIds = configs.filter((config) => config.timeZone === zone).map((config) => config.id);
          const figures = await listSatisfactionFigures(
            ctx.db.sql,
            { ability: viewer.ability, scope: { tenantIds }, userId: viewer.userId },
            instants(filter, zone),
          );
          rows.push(...summarizeSatisfaction(figures, 'tenant'));
        }
        return rows;
      };
      // Independent reads, each in its own transaction: at once, on as many connections.
      const [summary, open, attention, handlers, ratings] = await Promise.all([
        summarizeFigures(ctx.db.sql, audience.scope, audience.tenantIds, filter, now, parts),
        summarizeOpenCases(ctx.db.sql, audience.scope, audience.tenantIds, now),
        listAttentionCases(ctx.db.prisma, caseViewer, audience.tenantIds, now),
        listHandlerFigures(ctx.db.sql, { ...caseViewer, userId: viewer.userId }, audience.tenantIds, filter, now),
        ratingsOf(),
      ]);
      const satisfactionOf = (tenantId: string): SatisfactionShape | null => {
        if (!ratings) return null;
        const found = ratings.find((row) => row.tenantId === tenantId);
        return found
          ? { rated: found.rated, satisfied: found.satisfied, satisfiedShare: found.satisfiedShare }
          : { rated: 0, satisfied: 0, satisfiedShare: null };
      };
      const totalRated = ratings?.reduce((sum, row) => sum + row.rated, 0) ?? 0;
      const totalSatisfied = ratings?.reduce((sum, row) => sum + row.satisfied, 0) ?? 0;
      return {
        filter,
        agencies: summary.agencies.map(({ tenantId, ...totals }) => ({
          config: configById.get(tenantId)!,
          totals,
          months: summary.months.filter((row) => row.tenantId === tenantId),
          breakdowns: summary.breakdowns.filter((row) => row.tenantId === tenantId),
          stages: summary.stages.filter((row) => row.tenantId === tenantId),
          openNow: open.find((row) => row.tenantId === tenantId)!,
          handlers: handlers?.filter((row) => row.tenantId === tenantId) ?? null,
          satisfaction: satisfactionOf(tenantId),
        })),
        total: summary.total,
        totalOpenNow: sumOpen(open),
        totalSatisfaction: ratings
          ? { rated: totalRated, satisfied: totalSatisfied, satisfiedShare: totalRated > 0 ? totalSatisfied / totalRated : null }
          : null,
        attention: attention
          ? {
              total: open.reduce((sum, row) => sum + row.needsAttention, 0),
              cases: attention.map((row) => ({ ...row, config: configById.get(row.tenantId)! })),
            }
          : null,
      };
    },
  }),
}));
