/** The staff inbox in GraphQL: cases the viewer may see, filtered, newest first, page by page. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { getStaff, type Context } from '../context.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { CaseType, Category, Channel, IdentityMode } from '../config/config.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { AppError } from '../errors.ts';
import { withDataScope } from '../auth/data-scope.ts';
import { CaseStatus } from './reporting.schema.ts';
import { countInbox, INBOX_COUNT_LIMIT, listInbox, type InboxCase, type InboxFilter } from './staff-cases.service.ts';

function memoize<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}
import { Agency, CasePriority, configOf, CurrentStage, currentStage } from './staff-case.schema.ts';

interface InboxRowShape {
  row: InboxCase;
  config: TenantConfig;
}
const InboxRow = builder.objectRef<InboxRowShape>('InboxCase').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ row }) => row.id }),
    registrationNumber: t.string({ resolve: ({ row }) => row.registrationNumber }),
    title: t.string({ resolve: ({ row }) => row.title }),
    status: t.field({ type: CaseStatus, resolve: ({ row }) => row.status }),
    priority: t.field({ type: CasePriority, resolve: ({ row }) => row.priority }),
    identityMode: t.field({ type: IdentityMode, resolve: ({ row }) => row.identityMode }),
    receivedAt: t.field({ type: 'DateTime', resolve: ({ row }) => row.receivedAt }),
    agency: t.field({ type: Agency, resolve: ({ config }) => ({ config }) }),
    caseType: t.field({ type: CaseType, nullable: true, resolve: ({ row, config }) => config.caseTypes.find((item) => item.id === row.caseTypeId) ?? null }),
    category: t.field({ type: Category, nullable: true, resolve: ({ row, config }) => config.categories.find((item) => item.id === row.categoryId) ?? null }),
    channel: t.field({ type: Channel, nullable: true, resolve: ({ row, config }) => config.channels.find((item) => item.id === row.channelId) ?? null }),
    currentStage: t.field({ type: CurrentStage, nullable: true, resolve: ({ row, config }) => currentStage(row, config) }),
    escalatedAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ row }) => row.escalatedAt }),
    instructionDeadline: t.field({
      type: 'DateTime',
      nullable: true,
      description: "The province's secretariat's instructed deadline on the escalation, until its outcome is recorded.",
      resolve: ({ row }) => row.instructionDeadline,
    }),
    restricted: t.boolean({ resolve: ({ row }) => row.restricted }),
  }),
});

interface InboxPageShape {
  rows: InboxRowShape[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Counted once per page, however many of its fields ask. */
  memoCount: () => Promise<{ count: number; capped: boolean }>;
}
export const InboxPage = builder.objectRef<InboxPageShape>('InboxPage').implement({
  fields: (t) => ({
    cases: t.field({ type: [InboxRow], resolve: (page) => page.rows }),
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.string({ nullable: true, resolve: (page) => page.endCursor }),
    totalCount: t.int({
      description: `Cases matching the filter, counted (only when asked for) up to ${INBOX_COUNT_LIMIT}; see totalCountCapped.`,
      resolve: async (page) => (await page.memoCount()).count,
    }),
    totalCountCapped: t.boolean({
      description: `True when more than ${INBOX_COUNT_LIMIT} cases match (totalCount then says ${INBOX_COUNT_LIMIT}).`,
      resolve: async (page) => (await page.memoCount()).capped,
    }),
  }),
});

const InboxFilterInput = builder.inputType('InboxFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [CaseStatus] }),
    agencySlugs: t.stringList({ description: 'Secretariat staff: only these agencies of the province.' }),
    caseTypeKeys: t.stringList(),
    categoryKeys: t.stringList(),
    channelKeys: t.stringList(),
    priorities: t.field({ type: [CasePriority] }),
    overdue: t.boolean(),
    escalated: t.boolean(),
    search: t.string({ description: 'A registration number or part of one.' }),
  }),
});

const inboxArgs = z.object({
  first: z.number().int().min(1).max(100),
  after: z.string().max(200).nullish(),
  search: z.string().max(40).nullish(),
});

/** Filter keys are per agency: a key matches that key's id in every agency the viewer reaches. */
async function resolveFilter(ctx: Context, viewer: StaffViewer, input: typeof InboxFilterInput.$inferInput | null | undefined): Promise<InboxFilter> {
  if (!input) return {};
  const configs = (await Promise.all(viewer.scope.tenantIds.map((id) => ctx.configs.find(id)))).filter((config): config is TenantConfig => config !== null);
  const idsOf = (keys: readonly string[] | null | undefined, pick: (config: TenantConfig) => { id: string; key: string }[]) =>
    keys?.length
      ? configs
          .flatMap((config) =>
            pick(config)
              .filter((item) => keys.includes(item.key))
              .map((item) => item.id),
          )
          .concat(['00000000-0000-0000-0000-000000000000'])
      : null;
  return {
    statuses: input.statuses ?? null,
    tenantIds: input.agencySlugs?.length
      ? configs
          .filter((config) => input.agencySlugs!.includes(config.slug))
          .map((config) => config.id)
          .concat(['00000000-0000-0000-0000-000000000000'])
      : null,
    caseTypeIds: idsOf(input.caseTypeKeys, (config) => config.caseTypes),
    categoryIds: idsOf(input.categoryKeys, (config) => config.categories),
    channelIds: idsOf(input.channelKeys, (config) => config.channels),
    priorities: input.priorities ?? null,
    overdue: input.overdue ?? null,
    escalated: input.escalated ?? null,
    search: input.search ?? null,
  };
}

builder.queryFields((t) => ({
  inbox: t.field({
    type: InboxPage,
    description: 'Cases the signed-in staff member may see, newest first.',
    args: {
      filter: t.arg({ type: InboxFilterInput }),
      first: t.arg.int({ defaultValue: 25 }),
      after: t.arg.string(),
    },
    resolve: async (_, args, ctx) => {
      const viewer = await getStaff(ctx);
      const parsed = inboxArgs.safeParse({ first: args.first, after: args.after, search: args.filter?.search });
      if (!parsed.success) throw new AppError('BAD_USER_INPUT', 'Ask for 1 to 100 cases, with a valid cursor.');
      const filter = await resolveFilter(ctx, viewer, args.filter);
      const page = await withDataScope(ctx.db.prisma, viewer.scope, (tx) =>
        listInbox(tx, viewer.ability, { filter, first: parsed.data.first, after: parsed.data.after }),
      );
      const configs = new Map<string, TenantConfig>();
      for (const row of page.cases) if (!configs.has(row.tenantId)) configs.set(row.tenantId, await configOf(ctx, row.tenantId));
      return {
        rows: page.cases.map((row) => ({ row, config: configs.get(row.tenantId)! })),
        hasNextPage: page.hasNextPage,
        endCursor: page.endCursor,
        memoCount: memoize(() => withDataScope(ctx.db.prisma, viewer.scope, (tx) => countInbox(tx, viewer.ability, filter))),
      };
    },
  }),
}));
