import { describe, expect, it } from 'vitest';
import { findOwnerAccountId } from './report-submission.service.ts';

const ACCOUNT = '6f1c1f3e-6f0b-4c4e-9f7e-0d2b1a1c0001';

describe('the account a report is filed under', () => {
  it('is the signed-in account for identified and pseudonymous reports, never for an anonymous one', () => {
    expect(findOwnerAccountId('IDENTIFIED', ACCOUNT)).toBe(ACCOUNT);
    expect(findOwnerAccountId('PSEUDONYMOUS', ACCOUNT)).toBe(ACCOUNT);
    expect(findOwnerAccountId('ANONYMOUS', ACCOUNT)).toBeNull();
    expect(findOwnerAccountId('IDENTIFIED', null)).toBeNull();
  });
});
