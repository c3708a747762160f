import { describe, expect, it } from 'vitest';
import { findConsoleLanding, findConsolePages } from './console-access';

const agency = { kind: 'agency' as const, slug: 'inspektorat-bontang' };
const secretariat = { kind: 'secretariat' as const };

/** A viewer as the API describes them: the capability flags follow the role rules of api/src/auth/abilities.ts. */
function viewer(roles: string[]) {
  const reads = roles.some((role) => ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'PROVINCIAL_SECRETARIAT'].includes(role));
  return {
    roles: roles as never,
    canReadCases: reads,
    canReadNotifications: reads && !(roles.length === 1 && roles[0] === 'IDENTITY_CUSTODIAN'),
    canRecordIntake: roles.includes('VERIFIER') || roles.includes('AGENCY_HEAD'),
  };
}

describe('where each role lands in the console', () => {
  it.each([
    [['VERIFIER'], '/t/inspektorat-bontang/konsol/kotak-masuk'],
    [['REVIEWER'], '/t/inspektorat-bontang/konsol/kotak-masuk'],
    [['AGENCY_HEAD'], '/t/inspektorat-bontang/konsol/kotak-masuk'],
    [['IDENTITY_CUSTODIAN'], '/t/inspektorat-bontang/konsol/kustodian'],
    [['TENANT_ADMIN'], '/t/inspektorat-bontang/konsol/petugas'],
    [['TENANT_ADMIN', 'VERIFIER'], '/t/inspektorat-bontang/konsol/kotak-masuk'],
    [['IDENTITY_CUSTODIAN', 'TENANT_ADMIN'], '/t/inspektorat-bontang/konsol/kustodian'],
    [[], '/t/inspektorat-bontang/konsol/kotak-masuk'],
  ])('%j lands on %s', (roles, path) => {
    expect(findConsoleLanding(viewer(roles), agency)).toBe(path);
  });

  it('sends the secretariat to its province inbox', () => {
    expect(findConsoleLanding(viewer(['PROVINCIAL_SECRETARIAT']), secretariat)).toBe('/konsol/sekretariat/kotak-masuk');
  });
});

describe('the pages a role may use', () => {
  it('offers the tenant admin the staff page and no inbox', () => {
    expect(findConsolePages(viewer(['TENANT_ADMIN']), agency)).toEqual({
      inbox: false,
      notifications: false,
      intake: false,
      custodian: false,
      staff: true,
      mail: true,
      decisions: false,
      audit: false,
      figures: true,
      reports: true,
    });
  });

  it('offers the dashboard to the head, the admin and the secretariat, never to a verifier or reviewer', () => {
    expect(findConsolePages(viewer(['AGENCY_HEAD']), agency).figures).toBe(true);
    expect(findConsolePages(viewer(['VERIFIER']), agency).figures).toBe(false);
    expect(findConsolePages(viewer(['REVIEWER']), agency).figures).toBe(false);
    expect(findConsolePages(viewer(['IDENTITY_CUSTODIAN']), agency).figures).toBe(false);
    expect(findConsolePages(viewer(['PROVINCIAL_SECRETARIAT']), { kind: 'secretariat' }).figures).toBe(true);
  });

  it('offers the head the inbox, the staff page and the audit log', () => {
    const pages = findConsolePages(viewer(['AGENCY_HEAD']), agency);
    expect(pages).toMatchObject({ inbox: true, staff: true, mail: true, audit: true, custodian: false, decisions: false });
  });

  it('offers monthly reports to the head, the admin and the secretariat only', () => {
    expect(findConsolePages(viewer(['AGENCY_HEAD']), agency).reports).toBe(true);
    expect(findConsolePages(viewer(['PROVINCIAL_SECRETARIAT']), secretariat).reports).toBe(true);
    for (const role of ['VERIFIER', 'REVIEWER', 'IDENTITY_CUSTODIAN']) expect(findConsolePages(viewer([role]), agency).reports).toBe(false);
  });

  it('offers the secretariat its decisions and audit log, and no agency page', () => {
    expect(findConsolePages(viewer(['PROVINCIAL_SECRETARIAT']), secretariat)).toMatchObject({
      inbox: true,
      intake: false,
      custodian: false,
      staff: false,
      decisions: true,
      audit: true,
    });
  });
});
