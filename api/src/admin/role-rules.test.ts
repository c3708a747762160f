import { describe, expect, it } from 'vitest';
import { findIncompatibleRoles, isSensitiveRole, mayConfirmRole, mayProposeRole } from './role-rules.ts';

describe('role rules', () => {
  it('marks the custodian and head roles as taking two people, and no other', () => {
    expect(isSensitiveRole('IDENTITY_CUSTODIAN')).toBe(true);
    expect(isSensitiveRole('AGENCY_HEAD')).toBe(true);
    for (const role of ['VERIFIER', 'REVIEWER', 'TENANT_ADMIN'] as const) expect(isSensitiveRole(role)).toBe(false);
  });

  it('never lets the tenant admin hold the custodian role', () => {
    expect(findIncompatibleRoles(['TENANT_ADMIN', 'IDENTITY_CUSTODIAN'])).toEqual(['TENANT_ADMIN', 'IDENTITY_CUSTODIAN']);
    expect(findIncompatibleRoles(['AGENCY_HEAD', 'IDENTITY_CUSTODIAN'])).toBeNull();
  });

  it("sends the admin's custodian proposal to the head and the head's to the admin", () => {
    expect(mayProposeRole(['TENANT_ADMIN'], 'IDENTITY_CUSTODIAN')).toBe(true);
    expect(mayProposeRole(['AGENCY_HEAD'], 'IDENTITY_CUSTODIAN')).toBe(true);
    expect(mayProposeRole(['VERIFIER'], 'IDENTITY_CUSTODIAN')).toBe(false);
    expect(mayConfirmRole(['AGENCY_HEAD'], 'IDENTITY_CUSTODIAN', ['TENANT_ADMIN'])).toBe(true);
    expect(mayConfirmRole(['TENANT_ADMIN'], 'IDENTITY_CUSTODIAN', ['TENANT_ADMIN'])).toBe(false);
    expect(mayConfirmRole(['TENANT_ADMIN'], 'IDENTITY_CUSTODIAN', ['AGENCY_HEAD'])).toBe(true);
    expect(mayConfirmRole(['AGENCY_HEAD'], 'IDENTITY_CUSTODIAN', ['AGENCY_HEAD'])).toBe(false);
    expect(mayConfirmRole(['AGENCY_HEAD'], 'IDENTITY_CUSTODIAN', ['AGENCY_HEAD', 'TENANT_ADMIN'])).toBe(true);
  });

  it('lets only the provincial secretariat confirm a new agency head', () => {
    expect(mayConfirmRole(['PROVINCIAL_SECRETARIAT'], 'AGENCY_HEAD', ['TENANT_ADMIN'])).toBe(true);
    expect(mayConfirmRole(['AGENCY_HEAD'], 'AGENCY_HEAD', ['TENANT_ADMIN'])).toBe(false);
    expect(mayConfirmRole(['TENANT_ADMIN'], 'AGENCY_HEAD', ['AGENCY_HEAD'])).toBe(false);
  });
});
