/** Provinces, tenants and the two public entry points: `provinces` and `tenant`. */
import { builder } from '../builder.ts';
import * as Enums from '../generated/prisma/enums.ts';
import { getTenantConfig, type Context } from '../context.ts';
import {
  CaseType,
  Category,
  Channel,
  Contact,
  DayOff,
  Faq,
  ServiceStandard,
  SlaPolicy,
  TenantKind,
  Theme,
  text,
  type ThemeShape,
} from '../config/config.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { AppError } from '../errors.ts';
import { getYearCalendar, type CalendarDay as CalendarDayShape } from '../sla/calendar.service.ts';

export const Province = builder.prismaObject('Province', {
  description: 'A province; its tenants are the agencies in it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    name: t.string({ resolve: (province, _, ctx) => text(province.name, ctx)! }),
    secretariat: t.string({
      description: 'The regional secretariat (Sekretariat Daerah) that oversees its agencies.',
      resolve: (province, _, ctx) => text(province.secretariat, ctx)!,
    }),
    tenants: t.relation('tenants', { query: { orderBy: { slug: 'asc' } } }),
  }),
});

/** A tenant row, or the whole cached configuration when the parent already is one. */
async function configOf(tenant: { id: string }, ctx: Context): Promise<TenantConfig> {
  if ('caseTypes' in tenant) return tenant as TenantConfig;
  const config = await ctx.configs.find(tenant.id);
  if (!config) throw new AppError('NOT_FOUND', 'The agency no longer exists.');
  return config;
}

/** The national calendar's kinds of day (the Prisma enum) and the agency's own days off. */
const CalendarDayKind = builder.enumType('CalendarDayKind', {
  values: [...Object.values(Enums.CalendarDayKind), 'TENANT_DAY_OFF'] as const,
});

const CalendarDay = builder.objectRef<CalendarDayShape>('CalendarDay').implement({
  fields: (t) => ({
    date: t.field({ type: 'Date', resolve: (day) => day.date }),
    name: t.string({ resolve: (day, _, ctx) => (typeof day.name === 'string' ? day.name : text(day.name, ctx)!) }),
    kind: t.field({ type: CalendarDayKind, resolve: (day) => day.kind }),
  }),
});

const WorkingCalendar = builder.objectRef<{ year: number; loaded: boolean; source: string | null; days: CalendarDayShape[] }>('WorkingCalendar').implement({
  description: 'Days without work besides weekends, in one year, for one agency.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    loaded: t.exposeBoolean('loaded', {
      description: 'False when the national calendar of this year is not loaded: deadlines in it are provisional.',
    }),
    source: t.exposeString('source', { nullable: true }),
    days: t.field({ type: [CalendarDay], resolve: (calendar) => calendar.days }),
  }),
});

export const Tenant = builder.prismaObject('Tenant', {
  description: 'An agency (instansi) with its own portal, rules and staff.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    name: t.string({ resolve: (tenant, _, ctx) => text(tenant.name, ctx)! }),
    shortName: t.exposeString('shortName'),
    kind: t.field({ type: TenantKind, resolve: (tenant) => tenant.kind }),
    timeZone: t.exposeString('timeZone', { description: 'IANA time zone, e.g. Asia/Pontianak (WIB) or Asia/Makassar (WITA).' }),
    registrationPrefix: t.exposeString('registrationPrefix'),
    parent: t.string({ nullable: true, resolve: (tenant, _, ctx) => text(tenant.parent, ctx) }),
    description: t.string({ nullable: true, resolve: (tenant, _, ctx) => text(tenant.description, ctx) }),
    address: t.string({ nullable: true, resolve: (tenant, _, ctx) => text(tenant.address, ctx) }),
    website: t.exposeString('website', { nullable: true }),
    sources: t.exposeStringList('sources', { description: 'The public pages this configuration was written from.' }),
    configVersion: t.exposeInt('configVersion'),
    theme: t.field({ type: Theme, resolve: (tenant) => tenant.theme as unknown as ThemeShape }),
    province: t.field({ type: Province, resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).province }),
    hostnames: t.stringList({ resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).hostnames.map((row) => row.hostname) }),
    contacts: t.field({ type: [Contact], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).contacts }),
    serviceStandards: t.field({ type: [ServiceStandard], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).serviceStandards }),
    channels: t.field({ type: [Channel], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).channels }),
    caseTypes: t.field({ type: [CaseType], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).caseTypes }),
    caseType: t.field({
      type: CaseType,
      nullable: true,
      args: { key: t.arg.string({ required: true }) },
      resolve: async (tenant, args, ctx) => (await configOf(tenant, ctx)).caseTypes.find((item) => item.key === args.key) ?? null,
    }),
    slaPolicies: t.field({ type: [SlaPolicy], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).slaPolicies }),
    categories: t.field({ type: [Category], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).categories }),
    faqs: t.field({ type: [Faq], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).faqs }),
    daysOff: t.field({ type: [DayOff], resolve: async (tenant, _, ctx) => (await configOf(tenant, ctx)).daysOff }),
    calendar: t.field({
      type: WorkingCalendar,
      args: { year: t.arg.int({ required: true }) },
      resolve: async (tenant, args, ctx) => {
        if (args.year < 2000 || args.year > 2100) {
          throw new AppError('BAD_USER_INPUT', 'year must be between 2000 and 2100', { issues: [{ path: ['year'], message: 'out of range' }] });
        }
        const config = await configOf(tenant, ctx);
        return getYearCalendar(ctx.db.prisma, args.year, config.daysOff);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  provinces: t.prismaField({
    type: [Province],
    description: 'Every province with its agencies: the directory of the platform.',
    resolve: (query, _, __, ctx) => ctx.db.prisma.province.findMany({ ...query, orderBy: { slug: 'asc' } }),
  }),
  tenant: t.field({
    type: Tenant,
    description: 'The agency this request is addressed to (`/t/<slug>/graphql` or its host name).',
    resolve: (_, __, ctx) => getTenantConfig(ctx),
  }),
}));
