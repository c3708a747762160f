/** Pseudonymous reporter accounts in GraphQL: register, sign in, sign out, who am I. */
import { builder } from '../builder.ts';
import { findReporter, getReporter, getTenantConfig } from '../context.ts';
import { loginReporter, logoutReporter, registerReporter } from './reporter-account.service.ts';

const ReporterAccountRef = builder.objectRef<{ pseudonym: string }>('ReporterAccount').implement({
  fields: (t) => ({ pseudonym: t.exposeString('pseudonym') }),
});

const ReporterSessionPayload = builder.objectRef<{ token: string; expiresAt: Date; pseudonym: string }>('ReporterSession').implement({
  description: 'Send the token as `Authorization: Bearer <token>` on later requests.',
  fields: (t) => ({
    token: t.exposeString('token'),
    expiresAt: t.field({ type: 'DateTime', resolve: (session) => session.expiresAt }),
    account: t.field({ type: ReporterAccountRef, resolve: (session) => ({ pseudonym: session.pseudonym }) }),
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
      await getTenantConfig(ctx);
      const reporter = await findReporter(ctx);
      return reporter ? { pseudonym: reporter.pseudonym } : null;
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
      return registerReporter(ctx.db.prisma, {
        tenantId: tenant.id,
        pseudonym: input.pseudonym,
        password: input.password,
        locale: ctx.locale,
        sessionHours: ctx.env.REPORTER_SESSION_HOURS,
      });
    },
  }),
  loginReporter: t.field({
    type: ReporterSessionPayload,
    args: { input: t.arg({ type: ReporterCredentialsInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const tenant = await getTenantConfig(ctx);
      return loginReporter(ctx.db.prisma, ctx.rateLimits.signIn, {
        tenantId: tenant.id,
        pseudonym: input.pseudonym,
        password: input.password,
        address: ctx.clientIp,
        sessionHours: ctx.env.REPORTER_SESSION_HOURS,
      });
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
