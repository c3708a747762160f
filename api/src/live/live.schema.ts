/**
 * Live updates over graphql-ws (ADR 0010): a report for its reporter, a case and the
 * inbox for staff, and the dashboard counters. Every event is checked at delivery with
 * the subscriber's current rights: the reporter gets only what is meant for them, staff
 * only cases their CASL ability lets them read.
 *
 * Each payload has a cursor. A client passes the last one it saw as `after` when it
 * subscribes again and first receives what it missed (possibly a few it already has, with
 * the same cursors: skip those), or one RELOAD signal when too much was missed. Queries
 * give a `liveCursor` to subscribe from, so nothing between the page and the stream is lost.
 *
 * Cursors are opaque tokens (live-cursor.ts, docs/trust/live-cursors.md): the feed's event
 * ids are encoded on the way out and decoded from `after`, here and nowhere else, so a
 * client learns neither the platform's event count nor other agencies' activity. A token
 * this deployment did not make is answered like a cursor naming no event: one RELOAD. A
 * `liveCursor` comes from the viewer's own scope only (the case, or the viewer's agencies; for
 * a reporter, the events they see, so internal work on their case does not move it).
 */
import { canOnCaseAccess } from '../auth/case-access.ts';
import { builder } from '../builder.ts';
import { getStaff, getTenantConfig, findReporter, type Context } from '../context.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { AppError } from '../errors.ts';
import { InboxPage } from '../cases/inbox.schema.ts';
import { bounded, CaseEventKind, CaseStatus, TrackedReport, type TrackedShape } from '../cases/reporting.schema.ts';
import { findReporterCase, loadReporterCase } from '../cases/report-tracking.service.ts';
import { Agency, StaffCaseRef } from '../cases/staff-case.schema.ts';
import { canOnCase } from '../cases/staff-cases.service.ts';
import { withDataScope } from '../auth/data-scope.ts';
import type { FeedItem, FeedScope } from './case-feed.ts';
import { UNKNOWN_CURSOR } from './live-cursor.ts';
import { countCases, type AgencyCounters } from '../stats/case-counters.service.ts';
import { followFeed, followThrottled } from './live-stream.ts';

const LIVE_SIGNALS = ['EVENT', 'RELOAD'] as const;
type Signal = (typeof LIVE_SIGNALS)[number];

const LiveSignal = builder.enumType('LiveSignal', {
  description: 'EVENT: something happened. RELOAD: too much was missed to replay; fetch the page again and follow from this cursor.',
  values: LIVE_SIGNALS,
});

interface ReportUpdateShape {
  cursor: string;
  signal: Signal;
  tracked: TrackedShape;
}

const CURSOR = 'An opaque token: pass the last one you saw back as `after`. Equal tokens are the same event; tokens have no order.';

const ReportUpdate = builder.objectRef<ReportUpdateShape>('ReportUpdate').implement({
  description: 'A change to a report, as its reporter sees it: the whole report as it was read after this event (it may already include later changes).',
  fields: (t) => ({
    cursor: t.id({ description: CURSOR, resolve: (update, _, ctx) => ctx.live.cursors.encode(update.cursor) }),
    signal: t.field({ type: LiveSignal, resolve: (update) => update.signal }),
    report: t.field({ type: TrackedReport, resolve: (update) => update.tracked }),
  }),
});

interface CaseUpdateShape {
  cursor: string;
  signal: Signal;
  item: FeedItem | null;
  agencySlug: string | null;
}

const CaseUpdate = builder.objectRef<CaseUpdateShape>('CaseUpdate').implement({
  description: 'A case event that the staff member may see (what happened; fetch the case for the details), or a RELOAD signal.',
  fields: (t) => ({
    cursor: t.id({ description: CURSOR, resolve: (update, _, ctx) => ctx.live.cursors.encode(update.cursor) }),
    signal: t.field({ type: LiveSignal, resolve: (update) => update.signal }),
    caseId: t.id({ nullable: true, resolve: (update) => update.item?.caseId ?? null }),
    agencySlug: t.string({ nullable: true, resolve: (update) => update.agencySlug }),
    registrationNumber: t.string({ nullable: true, resolve: (update) => update.item?.registrationNumber ?? null }),
    eventKind: t.field({ type: CaseEventKind, nullable: true, resolve: (update) => (update.item?.kind as never) ?? null }),
    internal: t.boolean({
      nullable: true,
      description: 'True for staff-only events.',
      resolve: (update) => (update.item ? update.item.visibility === 'INTERNAL' : null),
    }),
    status: t.field({ type: CaseStatus, nullable: true, resolve: (update) => (update.item?.status as never) ?? null }),
    at: t.field({ type: 'DateTime', nullable: true, resolve: (update) => update.item?.createdAt ?? null }),
  }),
});

type CountersShape = AgencyCounters & { config: Awaited<ReturnType<Context['configs']['find']>> & object };

const AgencyCaseCounters = builder.objectRef<CountersShape>('AgencyCaseCounters').implement({
  description: 'Open cases of one agency that the viewer may see, by stage.',
  fields: (t) => ({
    agency: t.field({ type: Agency, resolve: (row) => ({ config: row.config }) }),
    open: t.exposeInt('open'),
    inVerification: t.exposeInt('inVerification', { description: 'New or being verified.' }),
    waitingForReporter: t.exposeInt('waitingForReporter'),
    inFollowUp: t.exposeInt('inFollowUp', { description: 'Accepted, with the review team.' }),
    overdue: t.exposeInt('overdue', { description: 'Past the stage deadline, not waiting for the reporter.' }),
    escalated: t.exposeInt('escalated'),
  }),
});

const LIMITS = {
  /** Missed events replayed to a resuming client before it is asked to reload instead. */
  replay: 500,
  /** Payloads waiting for a slow client before they collapse into one RELOAD. */
  buffered: 100,
  /** Dashboard counters are recounted at most this often per subscriber. */
  countersIntervalMs: 1000,
};

const AFTER =
  'The last cursor you saw, as given: what you missed since then comes first (maybe a few you have: skip equal cursors). A cursor this server cannot read gets one RELOAD.';

/**
 * The event id in a client's `after`. A token this deployment did not make (garbled, forged,
 * from another deployment or an older key) is no error the client cannot recover from: it
 * is followed as a cursor that names no event, which answers one RELOAD with a fresh cursor.
 */
function parseAfter(ctx: Context, after: string | number | null | undefined): string | null {
  if (after === null || after === undefined) return null;
  return ctx.live.cursors.decode(String(after)) ?? UNKNOWN_CURSOR;
}

function live(ctx: Context) {
  if (!ctx.liveConnection) throw new AppError('BAD_USER_INPUT', 'Subscriptions run over WebSocket (graphql-ws) at the same address as /graphql.');
  return ctx.liveConnection;
}

/** The staff member on this connection right now; their session may have ended since subscribing. */
function currentStaff(ctx: Context): StaffViewer {
  const staff = live(ctx).staff;
  if (!staff) throw new AppError('UNAUTHENTICATED', 'The staff session has ended. Sign in again.');
  return staff;
}

function staffMayRead(ctx: Context, item: FeedItem): boolean {
  return canOnCaseAccess(currentStaff(ctx).ability, 'read', item.access);
}

/**
 * One payload object per event and kind, whoever receives it, so that subscribers asking
 * the same question share one execution (shared-execution.ts). Payloads, and every field
 * below ReportUpdate and CaseUpdate, must therefore never depend on the viewer: the
 * viewer's rights decide only whether an event reaches them.
 */
const payloads = new WeakMap<FeedItem, Map<string, Promise<unknown>>>();

function sharedPayload<T>(item: FeedItem, kind: 'case' | 'report', make: () => Promise<T>): Promise<T> {
  let byKind = payloads.get(item);
  if (!byKind) {
    byKind = new Map();
    payloads.set(item, byKind);
  }
  let payload = byKind.get(kind) as Promise<T> | undefined;
  if (!payload) {
    payload = make();
    byKind.set(kind, payload);
    // A failed read is not kept: the next subscriber tries again.
    payload.catch(() => byKind.delete(kind));
  }
  return payload;
}

function caseUpdate(ctx: Context, item: FeedItem): Promise<CaseUpdateShape> {
  return sharedPayload(item, 'case', async () => {
    const config = await ctx.configs.find(item.tenantId);
    return { cursor: item.cursor, signal: 'EVENT', item, agencySlug: config?.slug ?? null };
  });
}

/** Staff follow a case or the inbox: every event in scope that they may read when it arrives. */
function followAsStaff(ctx: Context, scope: FeedScope, after: string | null) {
  return followFeed<CaseUpdateShape>({
    feed: ctx.live.feed,
    scope,
    after,
    replayLimit: LIMITS.replay,
    maxBuffered: LIMITS.buffered,
    accept: (item) => staffMayRead(ctx, item),
    toPayload: (item) => caseUpdate(ctx, item),
    reload: async () => ({ cursor: (await ctx.live.feed.latestCursor(scope)) ?? '0', signal: 'RELOAD', item: null, agencySlug: null }),
  });
}

async function countersFor(ctx: Context, viewer: StaffViewer): Promise<CountersShape[]> {
  const rows = await countCases(ctx.db.prisma, viewer);
  const shaped: CountersShape[] = [];
  for (const row of rows) {
    const config = await ctx.configs.find(row.tenantId);
    if (config) shaped.push({ ...row, config });
  }
  return shaped.sort((a, b) => a.config.shortName.localeCompare(b.config.shortName));
}

/**
 * The report as its reporters see it just after an event: read once per event and case,
 * however many reporters (devices, tabs) follow it on this instance.
 */
const reporterViews = new Map<string, Promise<Awaited<ReturnType<typeof loadReporterCase>>>>();
const REPORTER_VIEW_TTL_MS = 5000;

function reporterViewAt(ctx: Context, tenantId: string, caseId: string, cursor: string | null) {
  if (cursor === null) return loadReporterCase(ctx.db.prisma, tenantId, caseId);
  const key = `${caseId}:${cursor}`;
  let view = reporterViews.get(key);
  if (!view) {
    view = loadReporterCase(ctx.db.prisma, tenantId, caseId);
    reporterViews.set(key, view);
    const forget = () => setTimeout(() => reporterViews.delete(key), REPORTER_VIEW_TTL_MS).unref();
    view.then(forget, () => reporterViews.delete(key));
  }
  return view;
}

builder.subscriptionType({});

builder.subscriptionFields((t) => ({
  reportUpdates: t.field({
    type: ReportUpdate,
    description: 'Follow a report live, with its number and tracking code (or as the signed-in account it was filed under). Only what the reporter may see.',
    args: { registrationNumber: t.arg.string({ required: true }), trackingCode: t.arg.string(), after: t.arg.id({ description: AFTER }) },
    subscribe: async (_, args, ctx) => {
      const input = bounded.track.parse(args);
      const after = parseAfter(ctx, args.after);
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('track', `ip:${ctx.clientIp}`);
      const reporter = await findReporter(ctx);
      const found = await findReporterCase(ctx.db.prisma, tenant.id, { ...input, reporterAccountId: reporter?.accountId ?? null });
      const byCodeOnly = Boolean(input.trackingCode) && found.reporterAccountId !== reporter?.accountId;
      const scope = { tenantId: tenant.id, caseId: found.id };
      const tracked = async (cursor: string | null): Promise<TrackedShape> => ({
        found: await reporterViewAt(ctx, tenant.id, found.id, cursor),
        tenant: (await ctx.configs.find(tenant.id)) ?? tenant,
      });
      return followFeed<ReportUpdateShape>({
        feed: ctx.live.feed,
        scope,
        after,
        replayLimit: LIMITS.replay,
        maxBuffered: LIMITS.buffered,
        accept: (item) => {
          // Following as the account's owner ends with the account's session.
          if (!byCodeOnly && !live(ctx).reporter) throw new AppError('UNAUTHENTICATED', 'The session has ended. Sign in again.');
          return item.visibility === 'REPORTER';
        },
        toPayload: (item) => sharedPayload(item, 'report', async () => ({ cursor: item.cursor, signal: 'EVENT', tracked: await tracked(item.cursor) })),
        reload: async () => ({
          cursor: (await ctx.live.feed.latestCursor(scope, { reporterVisible: true })) ?? '0',
          signal: 'RELOAD',
          tracked: await tracked(null),
        }),
      });
    },
    resolve: (update) => update,
  }),
  caseUpdates: t.field({
    type: CaseUpdate,
    description: 'Follow one case live as staff: every event you may see, internal ones too.',
    args: { id: t.arg.id({ required: true }), after: t.arg.id({ description: AFTER }) },
    subscribe: async (_, args, ctx) => {
      const after = parseAfter(ctx, args.after);
      const viewer = await getStaff(ctx);
      const caseId = String(args.id);
      const found = /^[0-9a-f-]{36}$/i.test(caseId)
        ? await withDataScope(ctx.db.prisma, viewer.scope, async (tx) =>
            (await canOnCase(tx, viewer.ability, 'read', caseId)) ? tx.case.findUnique({ where: { id: caseId }, select: { tenantId: true } }) : null,
          )
        : null;
      if (!found) throw new AppError('NOT_FOUND', 'No case with this id that you may see.');
      return followAsStaff(ctx, { tenantId: found.tenantId, caseId }, after);
    },
    resolve: (update) => update,
  }),
  inboxUpdates: t.field({
    type: CaseUpdate,
    description: "Follow the inbox live: events of every case you may see, in your agency (the secretariat: the province's agencies).",
    args: { after: t.arg.id({ description: AFTER }) },
    subscribe: async (_, args, ctx) => {
      const after = parseAfter(ctx, args.after);
      const viewer = await getStaff(ctx);
      return followAsStaff(ctx, { tenantIds: viewer.scope.tenantIds }, after);
    },
    resolve: (update) => update,
  }),
  caseCountersUpdates: t.field({
    type: [AgencyCaseCounters],
    description: 'The dashboard counters now, then again whenever a case you may see changes (at most once a second).',
    subscribe: async (_, __, ctx) => {
      const viewer = await getStaff(ctx);
      return followThrottled({
        feed: ctx.live.feed,
        scope: { tenantIds: viewer.scope.tenantIds },
        intervalMs: LIMITS.countersIntervalMs,
        accept: (item) => staffMayRead(ctx, item),
        compute: () => countersFor(ctx, currentStaff(ctx)),
      });
    },
    resolve: (counters) => counters,
  }),
}));

builder.queryFields((t) => ({
  caseCounters: t.field({
    type: [AgencyCaseCounters],
    description: 'Open cases by stage, per agency, that the signed-in staff member may see (the secretariat: every agency of the province).',
    resolve: async (_, __, ctx) => countersFor(ctx, await getStaff(ctx)),
  }),
}));

const liveCursorDescription = 'Subscribe with this as `after` to miss nothing that happens after this response (an opaque token, like every cursor).';

/** A feed cursor as the client sees it. */
function liveCursorOf(ctx: Context, cursor: string | null): string | null {
  return cursor === null ? null : ctx.live.cursors.encode(cursor);
}

builder.objectField(TrackedReport, 'liveCursor', (t) =>
  t.id({
    nullable: true,
    description: liveCursorDescription,
    // The newest event the reporter sees: staff's internal work on the case must not move it.
    resolve: async ({ found }, _, ctx) =>
      liveCursorOf(ctx, await ctx.live.feed.latestCursor({ tenantId: found.tenantId, caseId: found.id }, { reporterVisible: true })),
  }),
);

builder.objectField(StaffCaseRef, 'liveCursor', (t) =>
  t.id({
    nullable: true,
    description: liveCursorDescription,
    resolve: async ({ found }, _, ctx) => liveCursorOf(ctx, await ctx.live.feed.latestCursor({ tenantId: found.tenantId, caseId: found.id })),
  }),
);

builder.objectField(InboxPage, 'liveCursor', (t) =>
  t.id({
    nullable: true,
    description: liveCursorDescription,
    // The newest event of the viewer's own agencies: other agencies' activity must not move it.
    resolve: async (_, __, ctx) => liveCursorOf(ctx, await ctx.live.feed.latestCursor({ tenantIds: (await getStaff(ctx)).scope.tenantIds })),
  }),
);
