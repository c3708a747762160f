/**
 * Monthly reports in GraphQL (monthly-report-staff.service.ts): the versions a staff member may
 * read, and a request for a new version. The files are downloaded over plain HTTP
 * (monthly-report-download.route.ts).
 */
import { builder } from '../builder.ts';
import { getStaff } from '../context.ts';
import { LIVE_CHANNELS } from '../live/live-bus.ts';
import { listMonthlyReports, MONTHLY_REPORTS_MAX, requestMonthlyReport, type MonthlyReportView } from './monthly-report-staff.service.ts';

const MonthlyReportScopeEnum = builder.enumType('MonthlyReportScope', { values: ['AGENCY', 'PROVINCE'] as const });
const MonthlyReportStateEnum = builder.enumType('MonthlyReportState', {
  values: {
    GENERATING: { description: 'Being made; a few seconds to a minute.' },
    READY: { description: 'Its PDF and spreadsheet can be downloaded.' },
    FAILED: { description: 'Could not be made after several tries; ask for a new version.' },
  } as const,
});

const MonthlyReport = builder.objectRef<MonthlyReportView>('MonthlyReport').implement({
  description: "One version of an agency's or a province's monthly report.",
  fields: (t) => ({
    id: t.exposeID('id'),
    scope: t.field({ type: MonthlyReportScopeEnum, resolve: (report) => report.scope }),
    name: t.exposeString('name', { description: "The agency's or the province's name, in the viewer's language." }),
    agencyId: t.exposeID('tenantId', { nullable: true }),
    provinceId: t.exposeID('provinceId', { nullable: true }),
    year: t.exposeInt('year'),
    month: t.exposeInt('month', { description: '1 to 12.' }),
    version: t.exposeInt('version', { description: '1 is the scheduled report; each request makes the next.' }),
    state: t.field({ type: MonthlyReportStateEnum, resolve: (report) => report.state }),
    requested: t.exposeBoolean('requested', { description: 'Made on request, not by the schedule (who asked is in the audit log).' }),
    createdAt: t.field({ type: 'DateTime', resolve: (report) => report.createdAt }),
    generatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (report) => report.generatedAt }),
    caseCount: t.exposeInt('caseCount', { nullable: true }),
    pdfSize: t.exposeInt('pdfSize', { nullable: true }),
    xlsxSize: t.exposeInt('xlsxSize', { nullable: true }),
  }),
});

const RequestMonthlyReportInput = builder.inputType('RequestMonthlyReportInput', {
  fields: (t) => ({
    agencyId: t.id({ required: false, description: 'The agency; or provinceId for the province.' }),
    provinceId: t.id({ required: false }),
    year: t.int({ required: true }),
    month: t.int({ required: true, description: '1 to 12; the month must have ended.' }),
  }),
});

builder.queryFields((t) => ({
  monthlyReports: t.field({
    type: [MonthlyReport],
    description: `The monthly reports the signed-in staff member may download (agency head and admin, secretariat, operator), newest first; at most ${MONTHLY_REPORTS_MAX}.`,
    args: { year: t.arg.int({ required: false }) },
    resolve: async (_, args, ctx) => listMonthlyReports(ctx.db, await getStaff(ctx), { year: args.year ?? null, locale: ctx.locale }),
  }),
}));

builder.mutationFields((t) => ({
  requestMonthlyReport: t.field({
    type: MonthlyReport,
    description:
      'Asks for a new version of a month’s report (earlier versions are kept); it is made in the background (state GENERATING, then READY). Recorded in the audit log.',
    args: { input: t.arg({ type: RequestMonthlyReportInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const report = await requestMonthlyReport(ctx.db, await getStaff(ctx), { ...input, locale: ctx.locale });
      // Any instance's report runner takes it now rather than at its next turn.
      await ctx.live.bus.publish(LIVE_CHANNELS.reports, { reportId: report.id });
      return report;
    },
  }),
}));
