import { describe, expect, it } from 'vitest';
import { sameReporterShown } from './case-duplicates.service.ts';

const ACCOUNT = '6f1c1f3e-6f0b-4c4e-9f7e-0d2b1a1c0001';
const OTHER = '6f1c1f3e-6f0b-4c4e-9f7e-0d2b1a1c0002';

describe('telling staff two cases come from one reporter account', () => {
  const pseudonymous = (protection: string, account = ACCOUNT) => ({
    reporterAccountId: account,
    identityMode: 'PSEUDONYMOUS',
    identityProtection: protection,
  });
  const identified = (protection: string) => ({ reporterAccountId: ACCOUNT, identityMode: 'IDENTIFIED', identityProtection: protection });

  it('links two reports filed under the same pseudonym', () => {
    expect(sameReporterShown(pseudonymous('NONE'), pseudonymous('TENANT_KEY'))).toBe(true);
    expect(sameReporterShown(pseudonymous('SEALED'), pseudonymous('SEALED'))).toBe(true);
    expect(sameReporterShown(pseudonymous('NONE'), pseudonymous('NONE', OTHER))).toBe(false);
  });

  it('never links an identified report, which would put a name on the pseudonym or on a sealed report', () => {
    expect(sameReporterShown(identified('TENANT_KEY'), pseudonymous('NONE'))).toBe(false);
    expect(sameReporterShown(pseudonymous('SEALED'), identified('TENANT_KEY'))).toBe(false);
    expect(sameReporterShown(identified('SEALED'), identified('TENANT_KEY'))).toBe(false);
  });

  it('never links a sealed report to one whose contact details staff can read', () => {
    expect(sameReporterShown(pseudonymous('SEALED'), pseudonymous('TENANT_KEY'))).toBe(false);
  });
});
