/** The CASL rules as a role × action × record matrix, evaluated in memory. */
import { subject } from '@casl/ability';
import { describe, expect, it } from 'vitest';
import { defineAbilityFor, type CaseAction } from './abilities.ts';
import { CASE_HANDLING_ROLES, type StaffRole } from './roles.ts';

const ME = '11111111-1111-1111-1111-111111111111';
const OTHER_STAFF = '22222222-2222-2222-2222-222222222222';
const KALBAR = 'aaaaaaaa-0000-0000-0000-000000000001';
const BKAD = 'aaaaaaaa-0000-0000-0000-000000000002'; // same province
const KALSEL = 'bbbbbbbb-0000-0000-0000-000000000001'; // another province

const caseRow = (tenantId: string, extra: Record<string, unknown> = {}) =>
  subject('Case', { id: 'c', tenantId, restricted: false, exclusions: [], handlers: [], ...extra } as never);

const RECORDS = {
  own: caseRow(KALBAR),
  sameProvince: caseRow(BKAD),
  otherProvince: caseRow(KALSEL),
  restrictedToMe: caseRow(KALBAR, { restricted: true, handlers: [{ staffUserId: ME }] }),
  restrictedToOther: caseRow(KALBAR, { restricted: true, handlers: [{ staffUserId: OTHER_STAFF }] }),
  excludingMe: caseRow(KALBAR, { exclusions: [{ staffUserId: ME }] }),
};
const ACTIONS: CaseAction[] = ['read', 'handle', 'restrict', 'reveal', 'record', 'oversee'];
const ROLES: StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'TENANT_ADMIN', 'PROVINCIAL_SECRETARIAT', 'PLATFORM_OPERATOR'];

function matrix(role: StaffRole): Record<string, string> {
  const secretariat = role === 'PROVINCIAL_SECRETARIAT';
  const ability = defineAbilityFor({ userId: ME, roles: [role], tenantId: secretariat ? null : KALBAR, provinceTenantIds: secretariat ? [KALBAR, BKAD] : [] });
  return Object.fromEntries(Object.entries(RECORDS).map(([name, record]) => [name, ACTIONS.filter((action) => ability.can(action, record)).join(' ') || '-']));
}

describe('what each role may do with which case', () => {
  it.each(ROLES)('%s', (role) => {
    expect(matrix(role)).toMatchSnapshot();
  });

  it('never lets an agency role reach another agency', () => {
    for (const role of ROLES) {
      const row = matrix(role);
      expect(row.otherProvince, role).toBe('-');
      if (role !== 'PROVINCIAL_SECRETARIAT') expect(row.sameProvince, role).toBe('-');
    }
  });

  it('takes every action on a case away from a staff member with a conflict of interest', () => {
    for (const role of ROLES) expect(matrix(role).excludingMe, role).toMatch(/^(-|record)$/);
  });

  it('gives an agency role held by a secretariat account (no agency) nothing', () => {
    const ability = defineAbilityFor({ userId: ME, roles: ['AGENCY_HEAD'], tenantId: null, provinceTenantIds: [KALBAR] });
    expect(ACTIONS.some((action) => ability.can(action, RECORDS.own))).toBe(false);
  });

  it('gives oversee (the escalation follow-up) to the secretariat alone', () => {
    const overseers = ROLES.filter((role) => matrix(role).sameProvince!.split(' ').includes('oversee'));
    expect(overseers).toEqual(['PROVINCIAL_SECRETARIAT']);
  });

  it('gives handle on cases to exactly the roles CASE_HANDLING_ROLES names (the conflict rules count on them)', () => {
    const handlers = ROLES.filter((role) => matrix(role).own!.split(' ').includes('handle'));
    expect(handlers).toEqual([...CASE_HANDLING_ROLES]);
  });
});
