/** Imports every domain's schema module and builds the GraphQL schema. */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './config/config.schema.ts';
import './tenancy/tenancy.schema.ts';
import './cases/reporting.schema.ts';
import './reporters/reporters.schema.ts';
import './evidence/evidence.schema.ts';
import './auth/auth.schema.ts';
import './cases/staff-case.schema.ts';
import './cases/inbox.schema.ts';
import './cases/case-work.schema.ts';
import './cases/case-conflicts.schema.ts';
import './cases/escalation.schema.ts';
import './cases/tracked-report-facts.schema.ts';
import './cases/satisfaction.schema.ts';
import './cases/escalation-follow-up.schema.ts';
import './notify/staff-notifications.schema.ts';
import './notify/email.schema.ts';
import './identity/identity.schema.ts';
import './admin/admin.schema.ts';
import './audit/audit.schema.ts';
import './live/live.schema.ts';
import './stats/monthly-report.schema.ts';
import './stats/public-statistics.schema.ts';
import './stats/dashboard.schema.ts';

export const schema = builder.toSchema();

/** The SDL committed as `api/schema.graphql`, sorted so diffs show only real changes. */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
