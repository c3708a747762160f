/**
 * The isolation matrix: every staff query and mutation that names a case, for every role,
 * against a case of the own agency, of another agency of the same province and of another
 * province. What a role may not see answers NOT_FOUND (or FORBIDDEN when the role may never
 * act at all), returns no data, and changes nothing; lists never carry another agency's cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, STAFF_CASE, staffClient, type StaffClient } from './support/staff.ts';

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
  { name: 'transitionCase (take)', query: 'mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { id } }', input: (caseId) => ({ caseId, transition: 'TAKE_FOR_VERIFICATION' }) },
  { name: 'transitionCase (reject)', query: 'mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { id } }', input: (caseId) => ({ caseId, transition: 'REJECT', reason: 'uji' }) },
  { name: 'transitionCase (ask)', query: 'mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { id } }', input: (caseId) => ({ caseId, transition: 'REQUEST_INFO', reason: 'uji' }) },
  { name: 'transferCase', query: 'mutation($input: TransferCaseInput!) { transferCase(input: $input) { id } }', input: (caseId) => ({ caseId, targetAgencySlug: 'inspektorat-bontang', reason: 'uji' }) },
  { name: 'addCaseNote', query: 'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }', input: (caseId) => ({ caseId, kind: 'NOTE', body: 'bocor?' }) },
  { name: 'sendStaffMessage', query: 'mutation($input: SendStaffMessageInput!) { sendStaffMessage(input: $input) { id } }', input: (caseId) => ({ caseId, body: 'bocor?' }) },
  { name: 'draftCaseAnswer', query: 'mutation($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { id } }', input: (caseId) => ({ caseId, body: 'bocor?', submit: true }) },
  { name: 'returnCaseAnswer', query: 'mutation($input: ReturnCaseAnswerInput!) { returnCaseAnswer(input: $input) { id } }', input: (caseId) => ({ caseId, reason: 'uji' }) },
  { name: 'setCasePriority', query: 'mutation($input: SetCasePriorityInput!) { setCasePriority(input: $input) { id } }', input: (caseId) => ({ caseId, priority: 'URGENT' }) },
  { name: 'recordConflict', query: 'mutation($input: RecordConflictInput!) { recordConflict(input: $input) { id } }', input: (caseId) => ({ caseId, reason: 'uji' }) },
  { name: 'restrictCase', query: 'mutation($input: RestrictCaseInput!) { restrictCase(input: $input) { id } }', input: (caseId) => ({ caseId, handlerIds: [] }) },
  { name: 'requestIdentityReveal', query: 'mutation($input: RequestIdentityRevealInput!) { requestIdentityReveal(input: $input) { id } }', input: (caseId) => ({ caseId, reason: 'uji' }) },
];

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

/** An identified report at the target agency: filed on its portal, or recorded by its verifier when it takes none online. */
async function file(target: Target) {
  const slug = TARGET_AGENCY[target];
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.identity.allowed.includes('IDENTIFIED') && !item.identity.confidential)!;
  const DETAILS: Record<string, [string, string]> = { NAME: ['name', 'Pelapor Matriks'], ID_NUMBER: ['idNumber', '6171010101010009'], PHONE: ['phone', '081299999999'], EMAIL: ['email', 'matriks@example.id'], ADDRESS: ['address', 'Jl. Uji 1'] };
  const reporter = Object.fromEntries([['name', 'Pelapor Matriks'], ...caseType.identity.identifiedRequires.map((detail) => DETAILS[detail]!)]);
  const answers = validAnswers(caseType, `matriks ${target}`);
  const photo = await uploadEvidence(api.url, slug, caseType.key, 'rahasia.png', png());
  const head = await staffClient(api.url, slug, 'pimpinan');
  if (!caseType.onlineIntake) {
    const verifier = await staffClient(api.url, slug, 'verifikator');
    const recorded = await verifier.call('mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { case { id registrationNumber } } }', {
      input: { caseTypeKey: caseType.key, channelKey: 'office-visit', receivedAt: new Date().toISOString(), answers, identityMode: 'IDENTIFIED', reporter },
    });
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
  return { status: seen.status, priority: seen.priority, restricted: seen.restricted, notes: seen.notes.length, messages: seen.messages.length, answers: seen.officialAnswers.length, exclusions: seen.exclusions.length, timeline: seen.timeline.length };
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
      // Declaring one's own conflict is open to whoever may read the case (a secretariat, here).
      if (mutation.name === 'recordConflict' && actor.reads.includes(target)) continue;
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
