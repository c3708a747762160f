/** The offline intake form: its controls' names, what a refusal carries back, which case types and channels it offers. */
import type { IntakeTenantQuery } from '../graphql/generated/graphql';
import type { IntakeChannel, ReportingCaseType } from '../graphql/results';
import type { FormProblem } from '../reporting/report-form-data';

export const INTAKE_FIELDS = {
  caseType: 'caseTypeKey',
  channel: 'channelKey',
  receivedDate: 'receivedDate',
  receivedTime: 'receivedTime',
  externalReference: 'externalReference',
  category: 'categoryKey',
  identity: 'identityMode',
} as const;

export interface IntakeValues {
  channelKey: string;
  receivedDate: string;
  receivedTime: string;
  externalReference: string;
  categoryKey: string;
  identityMode: string;
  answers: Record<string, string>;
  /** By control name (`identified.phone`, …), as the portal's form names them. */
  details: Record<string, string>;
}

export interface IntakeActionData {
  problems: FormProblem[];
  values: IntakeValues;
}

/** Channels staff record from that take this case type (an empty list takes every type). */
export function findIntakeChannels(channels: IntakeChannel[], caseTypeKey: string): IntakeChannel[] {
  return channels.filter((channel) => channel.staffIntake && (channel.caseTypeKeys.length === 0 || channel.caseTypeKeys.includes(caseTypeKey)));
}

/** Case types staff can record: some channel takes them, and the reporter can be known other than by a pseudonym. */
export function findIntakeCaseTypes(tenant: IntakeTenantQuery['tenant']): ReportingCaseType[] {
  return tenant.caseTypes.filter(
    (caseType) => findIntakeChannels(tenant.channels, caseType.key).length > 0 && caseType.identity.allowed.some((mode) => mode !== 'PSEUDONYMOUS'),
  );
}
