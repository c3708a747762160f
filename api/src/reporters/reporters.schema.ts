/** Pseudonymous reporter accounts in GraphQL: register, sign in, sign out, who am I. */
import { builder } from '../builder.ts';
import { findReporter, getReporter, getTenantConfig } from '../context.ts';
import { withTenantScope } from '../auth/data-scope.ts';
import { findReporterNotificationEmail, setReporterNotificationEmail } from '../notify/reporter-email.ts';
import { loginReporter, logoutReporter, registerReporter } from './reporter-account.service.ts';

/** Only ever the signed-in reporter's own account. */
const ReporterAccountRef = builder.objectRef<{ pseudonym: string; accountId: string; tenantId: string }>('ReporterAccount').implement({
  fields: (t) => ({
    pseudonym: t.exposeString('pseudonym'),
    notificationEmail: t.string({
      nullable: true,
      description: "Where the reporter is told of their reports' news (a question, an answer), or null. Only the account's owner reads it; staff never see it.",
      resolve: async (account, _, ctx) => {
        const found = await withTenantScope(ctx.db.prisma, account.tenantId, (tx) =>
          findReporterNotificationEmail(tx, ctx.vault, account.tenantId, account.accountId),
        );
        return found?.email ?? null;
      },
    }),
  }),
});

const ReporterSessionPayload = builder
  .objectRef<{ token: string; expiresAt: Date; pseudonym: string; accountId: string; tenantId: string }>('ReporterSession')
  .implement({
    description: 'Send the token as `Authorization: Bearer <token>` on later requests.',
    fields: (t) => ({
      token: t.exposeString('token'),
      expiresAt: t.field({ type: 'DateTime', resolve: (session) => session.expiresAt }),
      account: t.field({ type: ReporterAccountRef, resolve: (session) => session }),
    }),
  });

const ReporterCredentialsInput = builder.inputType('ReporterCredentialsInput', {
  fields: (t) => ({
    pseudonym: t.string({ required: true, description: 'A name that does not reveal who you are.' }),
    password: t.string({ required: true }),
  }),
});

builder.queryFields((t) => ({
  viewerReporter: t.field({
    type: ReporterAccountRef,
    nullable: true,
    description: 'The signed-in pseudonymous reporter, or null.',
    resolve: async (_, __, ctx) => {
      const tenant = await getTenantConfig(ctx);
      const reporter = await findReporter(ctx);
      return reporter ? { pseudonym: reporter.pseudonym, accountId: reporter.accountId, tenantId: tenant.id } : null;
    },
  }),
}));

builder.mutationFields((t) => ({
  registerReporter: t.field({
    type: ReporterSessionPayload,
    args: { input: t.arg({ type: ReporterCredentialsInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('register', `ip:${ctx.clientIp}`);
      const session = await registerReporter(ctx.db.prisma, {
        tenantId: tenant.id,
        pseudonym: input.pseudonym,
        password: input.password,
        locale: ctx.locale,
        sessionHours: ctx.env.REPORTER_SESSION_HOURS,
      });
      return { ...session, tenantId: tenant.id };
    },
  }),
  loginReporter: t.field({
    type: ReporterSessionPayload,
    args: { input: t.arg({ type: ReporterCredentialsInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const tenant = await getTenantConfig(ctx);
      const session = await loginReporter(ctx.db.prisma, ctx.rateLimits.signIn, {
        tenantId: tenant.id,
        pseudonym: input.pseudonym,
        password: input.password,
        address: ctx.clientIp,
        sessionHours: ctx.env.REPORTER_SESSION_HOURS,
      });
      return { ...session, tenantId: tenant.id };
    },
  }),
  setReporterNotificationEmail: t.field({
    type: ReporterAccountRef,
    description:
      "The signed-in reporter's address for news of their reports, in the request's language; empty or null removes it. Anonymous reports get no mail.",
    args: { email: t.arg.string({ required: false }) },
    resolve: async (_, { email }, ctx) => {
      const tenant = await getTenantConfig(ctx);
      const reporter = await getReporter(ctx);
      await setReporterNotificationEmail(ctx.db.prisma, ctx.vault, {
        tenantId: tenant.id,
        accountId: reporter.accountId,
        email: email ?? null,
        locale: ctx.locale,
      });
      return { pseudonym: reporter.pseudonym, accountId: reporter.accountId, tenantId: tenant.id };
    },
  }),
  logoutReporter: t.boolean({
    resolve: async (_, __, ctx) => {
      await getTenantConfig(ctx);
      const reporter = await getReporter(ctx);
      await logoutReporter(ctx.db.prisma, reporter.sessionId);
      // Live connections signed in with this session close on every instance.
      ctx.live.connections.announceReporterChange(ctx.live.bus, reporter.accountId);
      return true;
    },
  }),
}));
