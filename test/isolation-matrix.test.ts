/**
 * The isolation matrix: every staff query and mutation that names a case, for every role,
 * against a case of the own agency, of another agency of the same province and of another
 * province. What a role may not see answers NOT_FOUND (or FORBIDDEN when the role may never
 * act at all), returns no data, and changes nothing; lists never carry another agency's cases.
 *
 * Then the hostile insider inside the own agency: an admin granting itself roles or appointing
 * its own custodian, a custodian answering their own reveal request, a verifier burying a case
 * by marking every colleague as conflicted, read-only roles writing on a case; and the audit log
 * that records it all and that nobody can change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, loginStaff, STAFF_CASE, staffClient, type StaffClient } from './support/staff.ts';
import { DEMO_CUSTODIAN_PASSPHRASE } from '@aduan/ops/src/commands/index.ts';

let database: TestDatabase;
let api: RunningProcess;

type Target = 'own' | 'sameProvince' | 'otherProvince';
const TARGET_AGENCY: Record<Target, string> = { own: 'inspektorat-kalbar', sameProvince: 'bkad-kalbar', otherProvince: 'inspektorat-kalsel' };
const cases: Record<Target, { id: string; number: string; evidenceId: string }> = {} as never;

/** Who signs in, and which targets they may read (the rest must stay invisible). */
const ACTORS: { name: string; slug: string | null; login: string; reads: Target[] }[] = [
  { name: 'verifier', slug: 'inspektorat-kalbar', login: 'verifikator', reads: ['own'] },
  { name: 'reviewer', slug: 'inspektorat-kalbar', login: 'telaah', reads: ['own'] },
  { name: 'head', slug: 'inspektorat-kalbar', login: 'pimpinan', reads: ['own'] },
  { name: 'custodian', slug: 'inspektorat-kalbar', login: 'kustodian', reads: ['own'] },
  { name: 'tenant admin', slug: 'inspektorat-kalbar', login: 'admin', reads: [] },
  { name: 'secretariat of the province', slug: null, login: 'sekretariat@kalimantan-barat.test', reads: ['own', 'sameProvince'] },
  { name: 'secretariat of another province', slug: null, login: 'sekretariat@kalimantan-selatan.test', reads: ['otherProvince'] },
  { name: 'secretariat with no agency here', slug: null, login: 'sekretariat@kalimantan-timur.test', reads: [] },
];
const clients: Record<string, StaffClient> = {};

/** Every mutation that names a case, with input that would be valid for a case one may handle. */
const MUTATIONS: { name: string; query: string; input: (caseId: string) => Record<string, unknown> }[] = [
  {
    name: 'transitionCase (take)',
    query: 'mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { id } }',
    input: (caseId) => ({ caseId, transition: 'TAKE_FOR_VERIFICATION' }),
  },
  {
    name: 'transitionCase (reject)',
    query: 'mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { id } }',
    input: (caseId) => ({ caseId, transition: 'REJECT', reason: 'uji' }),
  },
  {
    name: 'transitionCase (ask)',
    query: 'mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { id } }',
    input: (caseId) => ({ caseId, transition: 'REQUEST_INFO', reason: 'uji' }),
  },
  {
    name: 'transferCase',
    query: 'mutation($input: TransferCaseInput!) { transferCase(input: $input) { id } }',
    input: (caseId) => ({ caseId, targetAgencySlug: 'inspektorat-bontang', reason: 'uji' }),
  },
  {
    name: 'addCaseNote',
    query: 'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }',
    input: (caseId) => ({ caseId, kind: 'NOTE', body: 'bocor?' }),
  },
  {
    name: 'sendStaffMessage',
    query: 'mutation($input: SendStaffMessageInput!) { sendStaffMessage(input: $input) { id } }',
    input: (caseId) => ({ caseId, body: 'bocor?' }),
  },
  {
    name: 'draftCaseAnswer',
    query: 'mutation($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { id } }',
    input: (caseId) => ({ caseId, body: 'bocor?', submit: true }),
  },
  {
    name: 'returnCaseAnswer',
    query: 'mutation($input: ReturnCaseAnswerInput!) { returnCaseAnswer(input: $input) { id } }',
    input: (caseId) => ({ caseId, reason: 'uji' }),
  },
  {
    name: 'setCasePriority',
    query: 'mutation($input: SetCasePriorityInput!) { setCasePriority(input: $input) { id } }',
    input: (caseId) => ({ caseId, priority: 'URGENT' }),
  },
  {
    name: 'recordConflict',
    query: 'mutation($input: RecordConflictInput!) { recordConflict(input: $input) { id } }',
    input: (caseId) => ({ caseId, reason: 'uji' }),
  },
  {
    name: 'restrictCase',
    query: 'mutation($input: RestrictCaseInput!) { restrictCase(input: $input) { id } }',
    input: (caseId) => ({ caseId, handlerIds: [] }),
  },
  {
    name: 'requestIdentityReveal',
    query: 'mutation($input: RequestIdentityRevealInput!) { requestIdentityReveal(input: $input) { id } }',
    input: (caseId) => ({ caseId, reason: 'uji' }),
  },
];

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

/** An identified report at the target agency: filed on its portal, or recorded by its verifier when it takes none online. */
async function file(target: Target) {
  const slug = TARGET_AGENCY[target];
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.identity.allowed.includes('IDENTIFIED') && !item.identity.confidential)!;
  const DETAILS: Record<string, [string, string]> = {
    NAME: ['name', 'Pelapor Matriks'],
    ID_NUMBER: ['idNumber', '6171010101010009'],
    PHONE: ['phone', '081299999999'],
    EMAIL: ['email', 'matriks@example.id'],
    ADDRESS: ['address', 'Jl. Uji 1'],
  };
  const reporter = Object.fromEntries([['name', 'Pelapor Matriks'], ...caseType.identity.identifiedRequires.map((detail) => DETAILS[detail]!)]);
  const answers = validAnswers(caseType, `matriks ${target}`);
  const photo = await uploadEvidence(api.url, slug, caseType.key, 'rahasia.png', png());
  const head = await staffClient(api.url, slug, 'pimpinan');
  if (!caseType.onlineIntake) {
    const verifier = await staffClient(api.url, slug, 'verifikator');
    const recorded = await verifier.call(
      'mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { case { id registrationNumber } } }',
      {
        input: { caseTypeKey: caseType.key, channelKey: 'office-visit', receivedAt: new Date().toISOString(), answers, identityMode: 'IDENTIFIED', reporter },
      },
    );
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
    const { id, registrationNumber } = recorded.data!.recordOfflineIntake.case;
    // Offline intake takes no upload links: the evidence check below uses the portal agency's file id shape only.
    return { id: id as string, number: registrationNumber as string, evidenceId: photo.evidenceId };
  }
  const filed = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers, identityMode: 'IDENTIFIED', reporter, evidenceIds: [photo.evidenceId] } },
  });
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  const number = filed.data!.submitReport.registrationNumber as string;
  const found = (await head.call(`query($n: String!) { staffCase(registrationNumber: $n) { id } }`, { n: number })).data!.staffCase;
  return { id: found.id as string, number, evidenceId: photo.evidenceId };
}

/** What the agency's own head sees of a case: unchanged by outsiders. */
async function snapshotOf(target: Target) {
  const head = await staffClient(api.url, TARGET_AGENCY[target], 'pimpinan');
  const seen = (await head.call(STAFF_CASE, { id: cases[target].id })).data!.staffCase;
  return {
    status: seen.status,
    priority: seen.priority,
    restricted: seen.restricted,
    notes: seen.notes.length,
    messages: seen.messages.length,
    answers: seen.officialAnswers.length,
    exclusions: seen.exclusions.length,
    timeline: seen.timeline.length,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi({ ...database.env });
  for (const target of Object.keys(TARGET_AGENCY) as Target[]) cases[target] = await file(target);
  for (const actor of ACTORS) clients[actor.name] = await staffClient(api.url, actor.slug, actor.login);
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe.each(ACTORS)('$name', (actor) => {
  it.each(['own', 'sameProvince', 'otherProvince'] as Target[])('reads a %s case only if allowed', async (target) => {
    const client = clients[actor.name]!;
    const one = await client.call(STAFF_CASE, { id: cases[target].id });
    const byNumber = await client.call(`query($n: String!) { staffCase(registrationNumber: $n) { id } }`, { n: cases[target].number });
    const inbox = await client.call(INBOX, { first: 100 });
    const listed = (inbox.data?.inbox?.cases ?? []).map((item: { id: string }) => item.id);
    const slug = TARGET_AGENCY[target];
    const download = await fetch(`${api.url}/t/${slug}/evidence/${cases[target].evidenceId}`, { headers: { authorization: `Bearer ${client.token}` } });
    if (actor.reads.includes(target)) {
      expect(one.data!.staffCase.id).toBe(cases[target].id);
      expect(byNumber.data!.staffCase.id).toBe(cases[target].id);
      expect(listed).toContain(cases[target].id);
      if (target !== 'sameProvince') expect(download.status).toBe(200); // the agency's case came by office visit, with no file
    } else {
      expect(one.data?.staffCase ?? null).toBeNull();
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(codeOf(one));
      expect(byNumber.data?.staffCase ?? null).toBeNull();
      expect(listed).not.toContain(cases[target].id);
      expect([401, 404]).toContain(download.status);
      expect(JSON.stringify(one)).not.toContain('matriks');
    }
  });

  it.each(['sameProvince', 'otherProvince'] as Target[])('changes nothing in a %s case it may not handle, whatever it calls', async (target) => {
    const client = clients[actor.name]!;
    const before = await snapshotOf(target);
    for (const mutation of MUTATIONS) {
      const response = await client.call(mutation.query, { input: mutation.input(cases[target].id) });
      expect(response.data?.[Object.keys(response.data ?? { x: 0 })[0]!] ?? null, `${mutation.name}`).toBeNull();
      expect(['NOT_FOUND', 'FORBIDDEN'], `${mutation.name}: ${JSON.stringify(response.errors)}`).toContain(codeOf(response));
    }
    expect(await snapshotOf(target)).toEqual(before);
  });

  it("lists no other agency's staff, notifications, requests or accounts", async () => {
    const client = clients[actor.name]!;
    const lists = await client.call('{ agencyStaff { id } staffNotifications(first: 100) { caseId agencySlug } identityRevealRequests { caseId } }');
    const own = actor.slug ? [actor.slug] : actor.reads.map((target) => TARGET_AGENCY[target]);
    for (const notification of lists.data?.staffNotifications ?? []) expect(own).toContain(notification.agencySlug);
    const foreign = (Object.keys(TARGET_AGENCY) as Target[]).filter((target) => !actor.reads.includes(target)).map((target) => cases[target].id);
    for (const request of lists.data?.identityRevealRequests ?? []) expect(foreign).not.toContain(request.caseId);
    const accounts = await client.call('{ staffAccounts { email } }');
    for (const account of accounts.data?.staffAccounts ?? []) expect(account.email).toMatch(/@inspektorat-kalbar\.test$/);
  });
});

describe('the hostile insider', () => {
  const KALBAR = 'inspektorat-kalbar';
  const CREATE = 'mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id roles pendingRoleChanges { id role change } } }';
  const UPDATE = 'mutation($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) { id roles pendingRoleChanges { id role change } } }';
  const PROPOSE = 'mutation($input: ProposeRoleChangeInput!) { proposeRoleChange(input: $input) { id status } }';
  const DECIDE_ROLE = 'mutation($input: DecideRoleChangeInput!) { decideRoleChange(input: $input) { id status } }';
  const RECORD_CONFLICT = 'mutation($input: RecordConflictInput!) { recordConflict(input: $input) { id } }';
  const DECIDE_CONFLICT = 'mutation($input: DecideConflictInput!) { decideConflict(input: $input) { id status } }';
  const REJECT = 'mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { id status } }';
  const AUDIT = '{ auditLog(first: 100) { entries { action actorName subjectName registrationNumber agencySlug details } } }';
  const idsOf = async (client: StaffClient) =>
    Object.fromEntries(
      ((await client.call('{ staffAccounts { id email } }')).data!.staffAccounts as { id: string; email: string }[]).map((item) => [
        item.email.split('@')[0],
        item.id,
      ]),
    );
  const signIn = async (email: string, password: string): Promise<StaffClient> => {
    const token = await loginStaff(api.url, KALBAR, email, password);
    return {
      token,
      call: (query, variables) => graphql(`${api.url}/t/${KALBAR}/graphql`, query, { variables, headers: { authorization: `Bearer ${token}` } }),
    };
  };
  const admin = () => clients['tenant admin']!;
  const head = () => clients.head!;
  const secretariat = () => clients['secretariat of the province']!;

  it('an agency admin cannot grant itself any role, nor hold the custodian role with its own', async () => {
    const ids = await idsOf(admin());
    for (const roles of [
      ['TENANT_ADMIN', 'IDENTITY_CUSTODIAN'],
      ['TENANT_ADMIN', 'AGENCY_HEAD'],
      ['TENANT_ADMIN', 'VERIFIER'],
    ]) {
      expect(codeOf(await admin().call(UPDATE, { input: { staffUserId: ids.admin, roles } }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await admin().call(PROPOSE, { input: { staffUserId: ids.admin, role: 'IDENTITY_CUSTODIAN', change: 'GRANT' } }))).toBe('FORBIDDEN');
    const both = await admin().call(CREATE, {
      input: { email: 'ganda@inspektorat-kalbar.test', name: 'Admin Ganda', roles: ['TENANT_ADMIN', 'IDENTITY_CUSTODIAN'], password: 'kata-sandi-ganda-1' },
    });
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect((await admin().call('{ viewerStaff { roles } }')).data!.viewerStaff.roles).toEqual(['TENANT_ADMIN']);
  });

  it('an agency admin alone cannot make a custodian or a head: a second person confirms, and the new custodian cannot act before', async () => {
    // The admin's own accomplice, proposed as custodian: no role until the head confirms.
    const created = await admin().call(CREATE, {
      input: { email: 'kaki-tangan@inspektorat-kalbar.test', name: 'Kaki Tangan', roles: ['IDENTITY_CUSTODIAN'], password: 'kata-sandi-kaki-1' },
    });
    expect(created.data!.createStaffMember).toMatchObject({ roles: [], pendingRoleChanges: [{ role: 'IDENTITY_CUSTODIAN', change: 'GRANT' }] });
    const proposalId = created.data!.createStaffMember.pendingRoleChanges[0].id;
    const accomplice = await signIn('kaki-tangan@inspektorat-kalbar.test', 'kata-sandi-kaki-1');
    expect(
      codeOf(
        await accomplice.call('mutation($input: CustodianPassphraseInput!) { setUpCustodianKey(input: $input) { custodianId } }', {
          input: { passphrase: 'frasa-sandi-kaki-tangan' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await admin().call(DECIDE_ROLE, { input: { proposalId, confirm: true } }))).toBe('FORBIDDEN');
    expect(codeOf(await accomplice.call(DECIDE_ROLE, { input: { proposalId, confirm: true } }))).toBe('FORBIDDEN');
    expect(codeOf(await clients.verifier!.call(DECIDE_ROLE, { input: { proposalId, confirm: true } }))).toBe('FORBIDDEN');
    // A head of the admin's own making waits for the provincial secretariat, so it cannot confirm either.
    const puppet = await admin().call(CREATE, {
      input: { email: 'boneka@inspektorat-kalbar.test', name: 'Kepala Boneka', roles: ['AGENCY_HEAD'], password: 'kata-sandi-boneka-1' },
    });
    expect(puppet.data!.createStaffMember).toMatchObject({ roles: [], pendingRoleChanges: [{ role: 'AGENCY_HEAD', change: 'GRANT' }] });
    const puppetHead = await signIn('boneka@inspektorat-kalbar.test', 'kata-sandi-boneka-1');
    expect(codeOf(await puppetHead.call(DECIDE_ROLE, { input: { proposalId, confirm: true } }))).toBe('FORBIDDEN');
    expect(codeOf(await head().call(DECIDE_ROLE, { input: { proposalId: puppet.data!.createStaffMember.pendingRoleChanges[0].id, confirm: true } }))).toBe(
      'FORBIDDEN',
    );
    const otherSecretariat = clients['secretariat of another province']!;
    expect(
      codeOf(await otherSecretariat.call(DECIDE_ROLE, { input: { proposalId: puppet.data!.createStaffMember.pendingRoleChanges[0].id, confirm: true } })),
    ).toBe('NOT_FOUND');
    const declined = await secretariat().call(DECIDE_ROLE, { input: { proposalId: puppet.data!.createStaffMember.pendingRoleChanges[0].id, confirm: false } });
    expect(declined.data!.decideRoleChange.status).toBe('DECLINED');
    // The real head confirms the custodian: only now does the role exist.
    expect((await head().call(DECIDE_ROLE, { input: { proposalId, confirm: true } })).data!.decideRoleChange.status).toBe('CONFIRMED');
    expect((await accomplice.call('{ viewerStaff { roles } }')).data!.viewerStaff.roles).toEqual(['IDENTITY_CUSTODIAN']);
    expect(codeOf(await head().call(DECIDE_ROLE, { input: { proposalId, confirm: true } }))).toBe('CONFLICT');
  });

  it('the person who asks for a reveal can never perform it', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'whistleblowing')!;
    const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: {
          caseTypeKey: caseType.key,
          answers: validAnswers(caseType, 'rahasia pelapor'),
          identityMode: 'IDENTIFIED',
          reporter: { name: 'Saksi Rahasia', phone: '081277770001', idNumber: '6171010101010077', email: 'saksi@example.id', address: 'Jl. Rahasia 7' },
        },
      },
    });
    if (filed.errors) throw new Error(JSON.stringify(filed.errors));
    const caseId = (await head().call(`query($n: String!) { staffCase(registrationNumber: $n) { id } }`, { n: filed.data!.submitReport.registrationNumber }))
      .data!.staffCase.id;
    // The custodian is also made a verifier by the admin (a plain role): now they could ask.
    const ids = await idsOf(admin());
    expect(
      (await admin().call(UPDATE, { input: { staffUserId: ids.kustodian, roles: ['IDENTITY_CUSTODIAN', 'VERIFIER'] } })).data!.updateStaffMember.roles,
    ).toEqual(['IDENTITY_CUSTODIAN', 'VERIFIER']);
    const custodian = clients.custodian!;
    const requested = await custodian.call('mutation($input: RequestIdentityRevealInput!) { requestIdentityReveal(input: $input) { id } }', {
      input: { caseId, reason: 'Saya ingin tahu.' },
    });
    const requestId = requested.data!.requestIdentityReveal.id;
    const revealed = await custodian.call('mutation($input: RevealIdentityInput!) { revealIdentity(input: $input) { phone } }', {
      input: { requestId, passphrase: DEMO_CUSTODIAN_PASSPHRASE },
    });
    expect(codeOf(revealed)).toBe('FORBIDDEN');
    expect(JSON.stringify(revealed)).not.toContain('081277770001');
    const pending = (await custodian.call('{ identityRevealRequests { id status } }')).data!.identityRevealRequests.find(
      (item: { id: string }) => item.id === requestId,
    );
    expect(pending.status).toBe('PENDING');
    await admin().call(UPDATE, { input: { staffUserId: ids.kustodian, roles: ['IDENTITY_CUSTODIAN'] } });
  });

  it('one verifier cannot bury a case by marking every colleague as conflicted and rejecting it', async () => {
    const buried = await file('own');
    const ids = await idsOf(admin());
    for (const colleague of ['pimpinan', 'telaah', 'kustodian', 'admin']) {
      const marked = await clients.verifier!.call(RECORD_CONFLICT, {
        input: { caseId: buried.id, staffUserId: ids[colleague], reason: 'Konflik kepentingan' },
      });
      expect(marked.errors, colleague).toBeUndefined();
    }
    expect(
      (await clients.verifier!.call(REJECT, { input: { caseId: buried.id, transition: 'REJECT', reason: 'Tidak berdasar' } })).data!.transitionCase.status,
    ).toBe('REJECTED');
    // Nobody lost it: the marks wait for the head (and, for the head, the secretariat).
    for (const name of ['head', 'reviewer', 'custodian', 'secretariat of the province']) {
      expect((await clients[name]!.call(STAFF_CASE, { id: buried.id })).data!.staffCase?.id, name).toBe(buried.id);
    }
    const pending = (await head().call('query($caseId: ID) { conflictProposals(caseId: $caseId) { id staffName viewerMayDecide } }', { caseId: buried.id }))
      .data!.conflictProposals;
    expect(pending).toHaveLength(4);
    const aboutHead = pending.find((item: { staffName: string }) => item.staffName === 'Pimpinan (demo)');
    expect(aboutHead.viewerMayDecide).toBe(false);
    expect(codeOf(await head().call(DECIDE_CONFLICT, { input: { proposalId: aboutHead.id, confirm: true } }))).toBe('FORBIDDEN');
    expect(codeOf(await clients.verifier!.call(DECIDE_CONFLICT, { input: { proposalId: aboutHead.id, confirm: true } }))).toBe('FORBIDDEN');
    expect((await secretariat().call(DECIDE_CONFLICT, { input: { proposalId: aboutHead.id, confirm: false } })).data!.decideConflict.status).toBe('DECLINED');
    const aboutReviewer = pending.find((item: { staffName: string }) => item.staffName === 'Tim Telaah (demo)');
    expect((await head().call(DECIDE_CONFLICT, { input: { proposalId: aboutReviewer.id, confirm: true } })).data!.decideConflict.status).toBe('CONFIRMED');
    expect((await clients.reviewer!.call(STAFF_CASE, { id: buried.id })).data?.staffCase ?? null).toBeNull();
    expect((await head().call(STAFF_CASE, { id: buried.id })).data!.staffCase.id).toBe(buried.id);
    // The secretariat confirms a second mark on the head: the head loses the case, and the audit log
    // the head reads still shows what happened, but not which case or why.
    const second = await clients.verifier!.call(RECORD_CONFLICT, {
      input: { caseId: buried.id, staffUserId: ids.pimpinan, reason: 'Kepala disebut dalam laporan' },
    });
    expect(second.errors).toBeUndefined();
    const again = (await secretariat().call('query($caseId: ID) { conflictProposals(caseId: $caseId) { id staffName } }', { caseId: buried.id })).data!
      .conflictProposals;
    expect((await secretariat().call(DECIDE_CONFLICT, { input: { proposalId: again[0].id, confirm: true } })).data!.decideConflict.status).toBe('CONFIRMED');
    expect((await head().call(STAFF_CASE, { id: buried.id })).data?.staffCase ?? null).toBeNull();
    const seenByHead = JSON.stringify((await head().call(AUDIT)).data!.auditLog.entries);
    expect(seenByHead).not.toContain(buried.number);
    expect(seenByHead).not.toContain('Kepala disebut dalam laporan');
    expect(JSON.stringify((await secretariat().call(AUDIT)).data!.auditLog.entries)).toContain('Kepala disebut dalam laporan');
  });

  it('a case always keeps someone able to act on it', async () => {
    const kept = await file('own');
    for (const name of ['verifier', 'reviewer']) {
      expect((await clients[name]!.call(RECORD_CONFLICT, { input: { caseId: kept.id, reason: 'Keluarga' } })).errors, name).toBeUndefined();
    }
    const last = await head().call(RECORD_CONFLICT, { input: { caseId: kept.id, reason: 'Keluarga' } });
    expect(codeOf(last)).toBe('CONFLICT');
    expect(last.errors![0]!.extensions!.reason).toBe('LAST_ACTOR');
    expect((await head().call(STAFF_CASE, { id: kept.id })).data!.staffCase.id).toBe(kept.id);
  });

  it('a report that names every member of staff hides itself from nobody', async () => {
    const people = ((await head().call('{ staffAccounts { name active roles } }')).data!.staffAccounts as { name: string; active: boolean }[]).filter(
      (item) => item.active,
    );
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const answers = validAnswers(caseType, `menyebut ${people.map((person) => person.name).join(', ')}`);
    const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'bukti.png', png());
    const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: { input: { caseTypeKey: caseType.key, answers, identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] } },
    });
    if (filed.errors) throw new Error(JSON.stringify(filed.errors));
    const seen = (
      await head().call(`query($n: String!) { staffCase(registrationNumber: $n) { id exclusions { kind } } }`, {
        n: filed.data!.submitReport.registrationNumber,
      })
    ).data!.staffCase;
    expect(seen.exclusions).toEqual([]);
  });

  it('read-only roles (custodian, secretariat) write nothing on a case they can read', async () => {
    for (const name of ['custodian', 'secretariat of the province']) {
      const before = await snapshotOf('own');
      for (const mutation of MUTATIONS) {
        const response = await clients[name]!.call(mutation.query, { input: mutation.input(cases.own.id) });
        expect(['NOT_FOUND', 'FORBIDDEN'], `${name} ${mutation.name}: ${JSON.stringify(response.errors)}`).toContain(codeOf(response));
      }
      expect(await snapshotOf('own'), name).toEqual(before);
    }
  });

  it('writes every insider action to an audit log that the head and the secretariat read and nobody can change', async () => {
    const entries = (await head().call(AUDIT)).data!.auditLog.entries as { action: string; actorName: string | null; subjectName: string | null }[];
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of [
      'STAFF_CREATED',
      'STAFF_ROLES_CHANGED',
      'ROLE_CHANGE_PROPOSED',
      'ROLE_CHANGE_CONFIRMED',
      'ROLE_CHANGE_DECLINED',
      'IDENTITY_REVEAL_REQUESTED',
      'CONFLICT_PROPOSED',
      'CONFLICT_CONFIRMED',
      'CONFLICT_DECLINED',
      'CONFLICT_DECLARED',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(entries).toContainEqual(expect.objectContaining({ action: 'ROLE_CHANGE_CONFIRMED', actorName: 'Pimpinan (demo)', subjectName: 'Kaki Tangan' }));
    expect(JSON.stringify(entries)).not.toContain('081277770001');
    const seenBySecretariat = (await secretariat().call(AUDIT)).data!.auditLog.entries as { agencySlug: string }[];
    expect(seenBySecretariat.length).toBeGreaterThanOrEqual(entries.length);
    expect(new Set(seenBySecretariat.map((entry) => entry.agencySlug))).toEqual(new Set([KALBAR]));
    expect((await clients['secretariat of another province']!.call(AUDIT)).data!.auditLog.entries).toEqual([]);
    for (const name of ['verifier', 'reviewer', 'custodian', 'tenant admin']) expect(codeOf(await clients[name]!.call(AUDIT)), name).toBe('FORBIDDEN');
    // Entry ids and page cursors are opaque: the platform-wide numbering (other agencies' activity) stays inside.
    const PAGE = 'query($before: String) { auditLog(first: 2, before: $before) { entries { id action } hasMore nextBefore } }';
    const first = (await head().call(PAGE)).data!.auditLog as { entries: { id: string }[]; hasMore: boolean; nextBefore: string };
    expect(first.hasMore).toBe(true);
    for (const token of [...first.entries.map((entry) => entry.id), first.nextBefore]) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = (await head().call(PAGE, { before: first.nextBefore })).data!.auditLog as { entries: { id: string }[] };
    expect(second.entries).toHaveLength(2);
    expect(second.entries.map((entry) => entry.id)).not.toContain(first.entries[1]!.id);
    for (const before of ['1', first.nextBefore.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))]) {
      expect(codeOf(await head().call(PAGE, { before })), before).toBe('BAD_USER_INPUT');
    }
    // Not even the database's owner changes or removes an entry (the embedded database belongs to one process: stop the API).
    await api.stop();
    const db = database.open();
    try {
      for (const statement of ['UPDATE audit_log SET actor_id = NULL', 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
        await expect(db.sql.exec(statement), statement).rejects.toThrow(/append-only/);
      }
      const rows = await db.sql.query<{ count: string }>('SELECT count(*)::text AS count FROM audit_log');
      expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(entries.length);
    } finally {
      await db.close();
    }
  });
});
