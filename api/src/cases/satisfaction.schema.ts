/**
 * Satisfaction in GraphQL (ADR 0029): the reporter's `rateCaseAnswer`, the rating on the
 * reporter's `TrackedReport` and on the staff's `StaffCase` (read with the case, so only staff
 * who may open the case see it), and which way each RATED event of the staff timeline went.
 * There is no staff mutation: only the reporter rates.
 */
import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { findReporter, getTenantConfig } from '../context.ts';
import { withTenantScope } from '../auth/data-scope.ts';
import { StaffCaseRef } from './staff-case.schema.ts';
import type { TrackedShape } from './reporting.schema.ts';
import type { StaffCase } from './staff-cases.service.ts';
import { findRatingRefusal, MAX_RATING_COMMENT_LENGTH, rateCaseAnswer, type RatingRow } from './satisfaction.service.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
// TrackedReport (reporting.schema.ts) and StaffTimelineEntry (staff-case.schema.ts) get fields
// by name, which Pothos resolves when the schema is built.
const TrackedReport = 'TrackedReport' as unknown as ObjectRef<Types, TrackedShape>;
const StaffTimelineEntry = 'StaffTimelineEntry' as unknown as ObjectRef<Types, { event: StaffCase['events'][number] }>;

const CaseRatingRef = builder.objectRef<RatingRow>('CaseRating').implement({
  description: "The reporter's satisfaction with the answer: given once the case is answered, changeable until it is closed.",
  fields: (t) => ({
    satisfied: t.exposeBoolean('satisfied'),
    comment: t.string({
      nullable: true,
      description: "The reporter's optional comment (the latest; an earlier one is not kept).",
      resolve: (rating) => rating.comment,
    }),
    ratedAt: t.field({ type: 'DateTime', description: 'When the reporter first rated.', resolve: (rating) => rating.ratedAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When the rating was last given or changed.', resolve: (rating) => rating.updatedAt }),
    changed: t.boolean({ description: 'The reporter changed the rating after first giving it.', resolve: (rating) => rating.changes > 0 }),
  }),
});

/** The rating read with the tracked case (report-tracking.service.ts); a case just filed has none. */
function ratingOf(found: TrackedShape['found']): RatingRow | null {
  return (found as { rating?: RatingRow | null }).rating ?? null;
}

builder.objectFields(TrackedReport, (t) => ({
  rating: t.field({ type: CaseRatingRef, nullable: true, resolve: ({ found }) => ratingOf(found) }),
  canRate: t.boolean({
    description: '`rateCaseAnswer` will accept a rating (or a change): the report is answered and not yet closed.',
    resolve: ({ found }) => findRatingRefusal(found.status) === null,
  }),
}));

builder.objectFields(StaffCaseRef, (t) => ({
  rating: t.field({
    type: CaseRatingRef,
    nullable: true,
    description: "The reporter's rating of the answer, for staff who may see the case. Staff cannot give or change it.",
    resolve: ({ found }) => found.rating ?? null,
  }),
}));

builder.objectFields(StaffTimelineEntry, (t) => ({
  satisfied: t.boolean({
    nullable: true,
    description: 'For a RATED event: whether the reporter was satisfied (each change is its own event); null for other kinds.',
    resolve: ({ event }) => {
      const value = event.kind === 'RATED' ? (event.data as { satisfied?: unknown } | null)?.satisfied : undefined;
      return typeof value === 'boolean' ? value : null;
    },
  }),
}));

const RateCaseAnswerInput = builder.inputType('RateCaseAnswerInput', {
  fields: (t) => ({
    registrationNumber: t.string({ required: true }),
    trackingCode: t.string({ description: 'Not needed when signed in with the account the report was filed under.' }),
    satisfied: t.boolean({ required: true }),
    comment: t.string({ description: `Optional, at most ${MAX_RATING_COMMENT_LENGTH} characters.` }),
  }),
});

const RateCaseAnswerPayload = builder.objectRef<{ registrationNumber: string; rating: RatingRow }>('RateCaseAnswerPayload').implement({
  fields: (t) => ({
    registrationNumber: t.exposeString('registrationNumber'),
    rating: t.field({ type: CaseRatingRef, resolve: (payload) => payload.rating }),
  }),
});

// Bounds before any service looks at it; the comment's own limit is the service's, in the reporter's language.
const rateArgs = z.object({
  registrationNumber: z.string().max(40),
  trackingCode: z.string().max(100).nullish(),
  satisfied: z.boolean(),
  comment: z.string().max(20_000).nullish(),
});

builder.mutationFields((t) => ({
  rateCaseAnswer: t.field({
    type: RateCaseAnswerPayload,
    description:
      'The reporter rates the answer (satisfied or not, with an optional comment) or changes the rating, while the report is ANSWERED. INVALID_TRANSITION before the answer and once the report is closed; NOT_FOUND for a wrong number or code; BAD_USER_INPUT for a comment that is too long.',
    args: { input: t.arg({ type: RateCaseAnswerInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const parsed = rateArgs.parse(input);
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('message', `ip:${ctx.clientIp}`);
      const reporter = await findReporter(ctx);
      const rated = await rateCaseAnswer(ctx.db.prisma, { tenantId: tenant.id, locale: ctx.locale, reporterAccountId: reporter?.accountId ?? null }, parsed);
      if (rated.changed) ctx.logger.info({ caseId: rated.caseId }, 'answer rated by the reporter');
      const row = await withTenantScope(ctx.db.prisma, tenant.id, (tx) =>
        tx.case.findUniqueOrThrow({ where: { id: rated.caseId }, select: { registrationNumber: true } }),
      );
      return { registrationNumber: row.registrationNumber, rating: rated.rating };
    },
  }),
}));
