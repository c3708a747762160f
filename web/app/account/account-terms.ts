/**
 * What a reporter account is for at one agency, read from its online case types' identity
 * rules, so the registration page says truthfully what is asked and where: the account itself
 * is a pseudonym and a password everywhere, but an agency that takes only identified reports
 * asks for personal details on each report's form (ADR 0027).
 */
import type { ReporterDetail } from '../graphql/generated/graphql';
import type { ReportingCaseType } from '../graphql/results';

/** Case types taking only identified reports that ask for the same details, kept the same way. */
export interface IdentifiedOnlyGroup {
  caseTypes: string[];
  /** The details the form requires (more may be added by the reporter). */
  required: ReporterDetail[];
  /** Sealed to the identity custodians, rather than readable by the staff handling the report. */
  sealed: boolean;
}

export interface AccountTerms {
  identifiedOnly: IdentifiedOnlyGroup[];
  /** Case types that can be filed under the account's pseudonym. */
  pseudonymous: string[];
  /** Whether some case type takes anonymous reports (which an account never lists). */
  anonymous: boolean;
}

export function describeAccountTerms(caseTypes: readonly ReportingCaseType[]): AccountTerms {
  const online = caseTypes.filter((caseType) => caseType.onlineIntake);
  const groups = new Map<string, IdentifiedOnlyGroup>();
  for (const caseType of online) {
    const { allowed, identifiedRequires, confidential } = caseType.identity;
    if (allowed.length !== 1 || allowed[0] !== 'IDENTIFIED') continue;
    const key = `${[...identifiedRequires].sort().join(',')}|${confidential}`;
    const group = groups.get(key) ?? { caseTypes: [], required: [...identifiedRequires], sealed: confidential };
    group.caseTypes.push(caseType.name);
    groups.set(key, group);
  }
  return {
    identifiedOnly: [...groups.values()],
    pseudonymous: online.filter((caseType) => caseType.identity.allowed.includes('PSEUDONYMOUS')).map((caseType) => caseType.name),
    anonymous: online.some((caseType) => caseType.identity.allowed.includes('ANONYMOUS')),
  };
}
