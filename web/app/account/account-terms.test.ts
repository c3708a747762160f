import { describe, expect, it } from 'vitest';
import type { ReportingCaseType } from '../graphql/results';
import { describeAccountTerms } from './account-terms';

function caseType(name: string, identity: Partial<ReportingCaseType['identity']>, onlineIntake = true): ReportingCaseType {
  return {
    name,
    onlineIntake,
    identity: { allowed: ['IDENTIFIED'], confidential: false, identifiedRequires: ['NAME'], pseudonymousRequires: [], note: null, ...identity },
  } as ReportingCaseType;
}

describe('what a reporter account is for at an agency', () => {
  it('says an agency taking only identified reports asks for details on each form, grouped by what it asks and how it keeps them', () => {
    // Inspektorat Kalimantan Selatan: a sealed WBS report and an aspiration, both identified only.
    const terms = describeAccountTerms([caseType('Pengaduan WBS Aduakan!', { confidential: true }), caseType('Aspirasi', {}), caseType('Pengaduan lain', {})]);
    expect(terms).toEqual({
      identifiedOnly: [
        { caseTypes: ['Pengaduan WBS Aduakan!'], required: ['NAME'], sealed: true },
        { caseTypes: ['Aspirasi', 'Pengaduan lain'], required: ['NAME'], sealed: false },
      ],
      pseudonymous: [],
      anonymous: false,
    });
  });

  it('lists the types open to a pseudonym, notes anonymous ones, and ignores types not filed online', () => {
    const terms = describeAccountTerms([
      caseType('WBS', { allowed: ['PSEUDONYMOUS', 'ANONYMOUS'] }),
      caseType('Pengaduan', { allowed: ['IDENTIFIED', 'ANONYMOUS'] }),
      caseType('Surat Bebas Temuan', {}, false),
    ]);
    expect(terms).toEqual({ identifiedOnly: [], pseudonymous: ['WBS'], anonymous: true });
  });
});
