/**
 * The identity custodian's flow over HTTP: a reasoned request, the reveal with the
 * custodian's own passphrase (and nobody else's role), the events it leaves, and custodians
 * appointed and removed by two people (admin and head), with identities re-sealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTODIAN_PASSPHRASE } from '@aduan/ops/src/commands/index.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from './support/reporting.ts';
import { png } from '@aduan/api/evidence/test-files.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, STAFF_CASE, staffClient, type StaffClient } from './support/staff.ts';

const BONTANG = 'inspektorat-bontang';
let database: TestDatabase;
let api: RunningProcess;
let apiEnv: Record<string, string | undefined>;
const staff: Record<string, StaffClient> = {};

const REQUEST = 'mutation($input: RequestIdentityRevealInput!) { requestIdentityReveal(input: $input) { id status reason registrationNumber } }';
const REVEAL = 'mutation($input: RevealIdentityInput!) { revealIdentity(input: $input) { caseId phone name } }';
const RESEAL = 'mutation($input: CustodianPassphraseInput!) { resealIdentities(input: $input) { resealed skipped custodians } }';
const DECIDE_ROLE = 'mutation($input: DecideRoleChangeInput!) { decideRoleChange(input: $input) { id status } }';

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

/** A pseudonymous whistleblower at Bontang, with the phone number the agency asks for. */
async function fileWhistleblowing(pseudonym: string, phone: string) {
  const endpoint = `${api.url}/t/${BONTANG}/graphql`;
  const registered = await graphql(endpoint, 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }', {
    variables: { input: { pseudonym, password: 'kata-sandi-rahasia-1' } },
  });
  const caseType = (await caseTypesOf(api.url, BONTANG)).find((item) => item.key === 'whistleblowing')!;
  const photo = await uploadEvidence(api.url, BONTANG, caseType.key, 'bukti.png', png());
  const filed = await graphql(endpoint, SUBMIT_REPORT, {
    variables: {
      input: {
        caseTypeKey: caseType.key,
        answers: validAnswers(caseType, 'gratifikasi pengadaan'),
        identityMode: 'PSEUDONYMOUS',
        reporter: { phone },
        evidenceIds: [photo.evidenceId],
      },
    },
    headers: { authorization: `Bearer ${registered.data!.registerReporter.token}` },
  });
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  const number = filed.data!.submitReport.registrationNumber as string;
  const found = await staff.verifier!.call(INBOX, { filter: { search: number } });
  return { number, id: found.data!.inbox.cases[0].id as string };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  apiEnv = { ...database.env };
  api = await startApi(apiEnv);
  staff.verifier = await staffClient(api.url, BONTANG, 'verifikator');
  staff.head = await staffClient(api.url, BONTANG, 'pimpinan');
  staff.custodian = await staffClient(api.url, BONTANG, 'kustodian');
  staff.admin = await staffClient(api.url, BONTANG, 'admin');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('revealing a confidential identity', () => {
  it('takes a reasoned request and the custodian’s passphrase, shows the identity once, and records both', async () => {
    const filed = await fileWhistleblowing('Rajawali-1', '081200000001');
    const asStaff = await staff.head!.call(STAFF_CASE, { id: filed.id });
    expect(JSON.stringify(asStaff.data)).not.toContain('081200000001');

    expect(codeOf(await staff.verifier!.call(REQUEST, { input: { caseId: filed.id, reason: ' ' } }))).toBe('BAD_USER_INPUT');
    const requested = await staff.verifier!.call(REQUEST, { input: { caseId: filed.id, reason: 'Klarifikasi lanjutan dengan pelapor diperlukan.' } });
    expect(requested.data!.requestIdentityReveal).toMatchObject({ status: 'PENDING', registrationNumber: filed.number });
    const requestId = requested.data!.requestIdentityReveal.id;

    for (const other of [staff.verifier!, staff.head!, staff.admin!]) {
      expect(codeOf(await other.call(REVEAL, { input: { requestId, passphrase: DEMO_CUSTODIAN_PASSPHRASE } }))).toBe('FORBIDDEN');
    }
    const wrong = await staff.custodian!.call(REVEAL, { input: { requestId, passphrase: 'not-the-passphrase' } });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    const revealed = await staff.custodian!.call(REVEAL, { input: { requestId, passphrase: DEMO_CUSTODIAN_PASSPHRASE } });
    expect(revealed.data!.revealIdentity).toEqual({ caseId: filed.id, phone: '081200000001', name: null });
    expect(codeOf(await staff.custodian!.call(REVEAL, { input: { requestId, passphrase: DEMO_CUSTODIAN_PASSPHRASE } }))).toBe('CONFLICT');

    const timeline = (await staff.head!.call(STAFF_CASE, { id: filed.id })).data!.staffCase.timeline;
    expect(timeline.filter((entry: { kind: string }) => entry.kind.startsWith('IDENTITY_'))).toEqual([
      expect.objectContaining({ kind: 'IDENTITY_REVEAL_REQUESTED', visibility: 'INTERNAL', reason: 'Klarifikasi lanjutan dengan pelapor diperlukan.' }),
      expect.objectContaining({ kind: 'IDENTITY_REVEALED', visibility: 'INTERNAL', actor: { name: 'Kustodian Identitas (demo)' } }),
    ]);
    expect(JSON.stringify(timeline)).not.toContain('081200000001');
    // Nothing of it in the server's log either.
    expect(api.output()).not.toContain('081200000001');
  });
});

describe('custodians come and go', () => {
  it('a new custodian set up by the admin can open older identities only after a re-seal, and a removed one no longer can', async () => {
    const older = await fileWhistleblowing('Rajawali-2', '081200000002');
    const created = await staff.admin!.call(
      'mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id roles pendingRoleChanges { id role change } } }',
      {
        input: { email: 'kustodian2@inspektorat-bontang.test', name: 'Kustodian Kedua', roles: ['IDENTITY_CUSTODIAN'], password: 'kata-sandi-kustodian-2' },
      },
    );
    // Appointing a custodian takes two people: the admin proposes, the head confirms.
    expect(created.data!.createStaffMember).toMatchObject({ roles: [], pendingRoleChanges: [{ role: 'IDENTITY_CUSTODIAN', change: 'GRANT' }] });
    const confirmed = await staff.head!.call(DECIDE_ROLE, { input: { proposalId: created.data!.createStaffMember.pendingRoleChanges[0].id, confirm: true } });
    expect(confirmed.data!.decideRoleChange.status).toBe('CONFIRMED');
    expect(codeOf(await staff.verifier!.call('{ staffAccounts { id } }'))).toBe('FORBIDDEN');

    const { loginStaff } = await import('./support/staff.ts');
    const token = await loginStaff(api.url, BONTANG, 'kustodian2@inspektorat-bontang.test', 'kata-sandi-kustodian-2');
    const second: StaffClient = {
      token,
      call: (query, variables) => graphql(`${api.url}/t/${BONTANG}/graphql`, query, { variables, headers: { authorization: `Bearer ${token}` } }),
    };
    const setUp = await second.call('mutation($input: CustodianPassphraseInput!) { setUpCustodianKey(input: $input) { custodianId recoveryKey } }', {
      input: { passphrase: 'frasa-sandi-kustodian-kedua' },
    });
    expect(setUp.errors).toBeUndefined();
    expect(setUp.data!.setUpCustodianKey.recoveryKey).toMatch(/^[0-9A-Z-]{20,}$/);

    const request = async (caseId: string) =>
      (await staff.verifier!.call(REQUEST, { input: { caseId, reason: 'Perlu konfirmasi.' } })).data!.requestIdentityReveal.id;
    const beforeReseal = await second.call(REVEAL, { input: { requestId: await request(older.id), passphrase: 'frasa-sandi-kustodian-kedua' } });
    expect(codeOf(beforeReseal)).toBe('CONFLICT');

    const resealed = await staff.custodian!.call(RESEAL, { input: { passphrase: DEMO_CUSTODIAN_PASSPHRASE } });
    expect(resealed.data!.resealIdentities).toMatchObject({ skipped: 0, custodians: 2 });
    expect(resealed.data!.resealIdentities.resealed).toBeGreaterThanOrEqual(2);
    const afterReseal = await second.call(REVEAL, { input: { requestId: await request(older.id), passphrase: 'frasa-sandi-kustodian-kedua' } });
    expect(afterReseal.data!.revealIdentity.phone).toBe('081200000002');

    const custodians = (await second.call('{ identityCustodians { id name active staffUserId } }')).data!.identityCustodians;
    const first = custodians.find((item: { name: string }) => item.name === 'Kustodian Identitas (demo)');
    // One custodian alone cannot remove another who still holds the role.
    const REMOVE = 'mutation($input: RemoveIdentityCustodianInput!) { removeIdentityCustodian(input: $input) { resealed custodians } }';
    expect(codeOf(await second.call(REMOVE, { input: { custodianId: first.id, passphrase: 'frasa-sandi-kustodian-kedua' } }))).toBe('FORBIDDEN');
    // Removing takes two people too: here the head proposes and the admin confirms, which retires the key.
    const proposed = await staff.head!.call('mutation($input: ProposeRoleChangeInput!) { proposeRoleChange(input: $input) { id } }', {
      input: { staffUserId: first.staffUserId, role: 'IDENTITY_CUSTODIAN', change: 'REVOKE' },
    });
    expect(
      (await staff.admin!.call(DECIDE_ROLE, { input: { proposalId: proposed.data!.proposeRoleChange.id, confirm: true } })).data!.decideRoleChange.status,
    ).toBe('CONFIRMED');
    const remaining = (await second.call('{ identityCustodians { id active } }')).data!.identityCustodians.filter((item: { active: boolean }) => item.active);
    expect(remaining).toHaveLength(1);
    // The remaining custodian re-seals, so the retired key no longer opens anything.
    expect((await second.call(RESEAL, { input: { passphrase: 'frasa-sandi-kustodian-kedua' } })).data!.resealIdentities.custodians).toBe(1);
    const byRemoved = await staff.custodian!.call(REVEAL, { input: { requestId: await request(older.id), passphrase: DEMO_CUSTODIAN_PASSPHRASE } });
    expect(codeOf(byRemoved)).toBe('FORBIDDEN');
    const newer = await fileWhistleblowing('Rajawali-3', '081200000003');
    const byNew = await second.call(REVEAL, { input: { requestId: await request(newer.id), passphrase: 'frasa-sandi-kustodian-kedua' } });
    expect(byNew.data!.revealIdentity.phone).toBe('081200000003');
  });

  it('deactivating a staff account ends its sessions at once', async () => {
    const created = await staff.admin!.call('mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }', {
      input: { email: 'sementara@inspektorat-bontang.test', name: 'Petugas Sementara', roles: ['REVIEWER'], password: 'kata-sandi-sementara' },
    });
    const { loginStaff } = await import('./support/staff.ts');
    const token = await loginStaff(api.url, BONTANG, 'sementara@inspektorat-bontang.test', 'kata-sandi-sementara');
    const headers = { authorization: `Bearer ${token}` };
    expect((await graphql(`${api.url}/t/${BONTANG}/graphql`, '{ viewerStaff { name } }', { headers })).data!.viewerStaff).toEqual({
      name: 'Petugas Sementara',
    });
    const deactivated = await staff.admin!.call('mutation($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) { active } }', {
      input: { staffUserId: created.data!.createStaffMember.id, active: false },
    });
    expect(deactivated.data!.updateStaffMember.active).toBe(false);
    expect((await graphql(`${api.url}/t/${BONTANG}/graphql`, '{ viewerStaff { name } }', { headers })).data!.viewerStaff).toBeNull();
    const roleOutside = await staff.admin!.call('mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }', {
      input: { email: 'x@inspektorat-bontang.test', name: 'X', roles: ['PROVINCIAL_SECRETARIAT'], password: 'kata-sandi-panjang-1' },
    });
    expect(codeOf(roleOutside)).toBe('BAD_USER_INPUT');
  });
});
