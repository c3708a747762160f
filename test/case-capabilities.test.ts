/**
 * `StaffCase.viewerCan` over HTTP, on PGlite or PostgreSQL: what each role may do on one case
 * as it moves from new to an approved answer, and that it agrees with the mutations: every
 * transition it leaves out, and every other action it says no to, is refused by the API
 * (and changes nothing), and what it offers is accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
const STAFF_TRANSITIONS = ['TAKE_FOR_VERIFICATION', 'REQUEST_INFO', 'ACCEPT', 'REJECT', 'START_FOLLOW_UP', 'APPROVE_ANSWER', 'CLOSE'];
const CAN = /* GraphQL */ `
  query Can($id: ID!) {
    staffCase(id: $id) {
      status
      availableTransitions
      viewerCan {
        handle transitions transfer addNote sendMessage setPriority draftAnswer approveAnswer returnAnswer
        restrict declareConflict recordColleagueConflict requestReveal reveal
        transitionOptions { transition reasonRequired leadsTo reasonTemplate }
      }
    }
  }
`;
const ROLES = ['verifier', 'reviewer', 'head', 'custodian', 'secretariat'] as const;
type Role = (typeof ROLES)[number];
type TransitionOption = { transition: string; reasonRequired: boolean; leadsTo: string | null; reasonTemplate: string | null };
type Capabilities = Record<string, boolean | string[] | TransitionOption[]> & { transitions: string[]; transitionOptions: TransitionOption[] };

let database: TestDatabase;
let api: RunningProcess;
const staff = {} as Record<Role, StaffClient>;
let caseId: string;

function codeOf(response: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return response.errors?.[0]?.extensions?.code;
}

async function capabilitiesOf(role: Role): Promise<{ status: string; availableTransitions: string[]; viewerCan: Capabilities }> {
  const response = await staff[role].call(CAN, { id: caseId });
  expect(response.errors, role).toBeUndefined();
  return response.data!.staffCase;
}

/** The capabilities that are true, as a sorted list (transitions by name). */
function granted(can: Capabilities): string[] {
  const { transitions, transitionOptions: _options, ...flags } = can;
  return [
    ...transitions,
    ...Object.entries(flags)
      .filter(([, value]) => value === true)
      .map(([name]) => name),
  ].sort();
}

const MUTATIONS = {
  transition: 'mutation T($input: TransitionCaseInput!) { transitionCase(input: $input) { status } }',
  draft: 'mutation D($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { status } }',
  returnAnswer: 'mutation R($input: ReturnCaseAnswerInput!) { returnCaseAnswer(input: $input) { status } }',
  message: 'mutation M($input: SendStaffMessageInput!) { sendStaffMessage(input: $input) { status } }',
  restrict: 'mutation X($input: RestrictCaseInput!) { restrictCase(input: $input) { restricted } }',
  transfer: 'mutation F($input: TransferCaseInput!) { transferCase(input: $input) { status } }',
  note: 'mutation N($input: AddCaseNoteInput!) { addCaseNote(input: $input) { status } }',
};

/**
 * Every action viewerCan refuses is refused by the API, and the case stays as it was:
 * each transition it leaves out, and the answer, message, restriction, transfer and note.
 */
async function expectRefusalsAgree(role: Role) {
  const before = await capabilitiesOf('head');
  const { viewerCan } = await capabilitiesOf(role);
  const refused: [string, Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>][] = [];
  const call = (mutation: string, input: Record<string, unknown>) => staff[role].call(mutation, { input: { caseId, ...input } });
  for (const transition of STAFF_TRANSITIONS.filter((name) => !viewerCan.transitions.includes(name))) {
    refused.push([`transition ${transition}`, call(MUTATIONS.transition, { transition, reason: 'Alasan uji.' })]);
  }
  if (!viewerCan.draftAnswer) refused.push(['draftAnswer', call(MUTATIONS.draft, { body: 'Jawaban uji.', submit: false })]);
  if (!viewerCan.returnAnswer) refused.push(['returnAnswer', call(MUTATIONS.returnAnswer, { reason: 'Perbaiki.' })]);
  if (!viewerCan.sendMessage) refused.push(['sendMessage', call(MUTATIONS.message, { body: 'Pesan uji.' })]);
  if (!viewerCan.restrict) refused.push(['restrict', call(MUTATIONS.restrict, { handlerIds: [] })]);
  if (!viewerCan.transfer) refused.push(['transfer', call(MUTATIONS.transfer, { targetAgencySlug: 'inspektorat-kalsel', reason: 'Bukan kewenangan kami.' })]);
  if (!viewerCan.addNote) refused.push(['addNote', call(MUTATIONS.note, { kind: 'NOTE', body: 'Catatan uji.' })]);
  for (const [name, pending] of refused) {
    const response = await pending;
    expect(['FORBIDDEN', 'INVALID_TRANSITION', 'NOT_FOUND'], `${role} ${name}: ${JSON.stringify(response.errors)}`).toContain(codeOf(response));
  }
  expect(await capabilitiesOf('head'), `${role} changed nothing`).toEqual(before);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi({ ...database.env, SLA_SWEEP_ENABLED: 'false' });
  staff.verifier = await staffClient(api.url, KALBAR, 'verifikator');
  staff.reviewer = await staffClient(api.url, KALBAR, 'telaah');
  staff.head = await staffClient(api.url, KALBAR, 'pimpinan');
  staff.custodian = await staffClient(api.url, KALBAR, 'kustodian');
  staff.secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint') as CaseTypeInfo;
  const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
  const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: {
      input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'kemampuan petugas'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
    },
  });
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  const found = await staff.verifier.call(INBOX, { filter: { search: filed.data!.submitReport.registrationNumber } });
  caseId = found.data!.inbox.cases[0].id;
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('what the viewer may do on a case', () => {
  it('on a new case: the verifier takes, asks, accepts, rejects, transfers; the head rejects, transfers, restricts; others only read', async () => {
    const granting: Record<string, string[]> = {};
    for (const role of ROLES) {
      const { viewerCan, availableTransitions } = await capabilitiesOf(role);
      granting[role] = granted(viewerCan);
      // The transitions list is the same rule: viewerCan's, and the transfer.
      expect(availableTransitions, role).toEqual([...viewerCan.transitions, ...(viewerCan.transfer ? ['TRANSFER'] : [])]);
      expect(
        viewerCan.transitionOptions.map((option) => option.transition),
        role,
      ).toEqual(viewerCan.transitions);
    }
    // What the console builds its forms from: a reason, its templates and the next status, per transition.
    expect((await capabilitiesOf('verifier')).viewerCan.transitionOptions).toEqual([
      { transition: 'TAKE_FOR_VERIFICATION', reasonRequired: false, leadsTo: 'IN_VERIFICATION', reasonTemplate: null },
      { transition: 'REQUEST_INFO', reasonRequired: true, leadsTo: 'NEEDS_INFO', reasonTemplate: 'REQUEST_INFO' },
      { transition: 'ACCEPT', reasonRequired: false, leadsTo: 'ACCEPTED', reasonTemplate: null },
      { transition: 'REJECT', reasonRequired: true, leadsTo: 'REJECTED', reasonTemplate: 'REJECT' },
    ]);
    const work = ['addNote', 'declareConflict', 'handle', 'recordColleagueConflict', 'sendMessage', 'setPriority'];
    expect(granting).toEqual({
      verifier: ['ACCEPT', 'REJECT', 'REQUEST_INFO', 'TAKE_FOR_VERIFICATION', ...work, 'transfer'].sort(),
      reviewer: work,
      head: ['REJECT', ...work, 'restrict', 'transfer'].sort(),
      // Read-only roles write nothing on a case, not even a conflict.
      custodian: [],
      secretariat: [],
    });
    for (const role of ROLES) await expectRefusalsAgree(role);
  });

  it('in follow-up: the review team and the head draft; only a submitted answer can be approved or returned, by the head', async () => {
    expect(codeOf(await staff.verifier.call(MUTATIONS.transition, { input: { caseId, transition: 'ACCEPT' } }))).toBeUndefined();
    const accepted = await capabilitiesOf('reviewer');
    expect(accepted.viewerCan.transitions).toEqual(['START_FOLLOW_UP']);
    expect(codeOf(await staff.reviewer.call(MUTATIONS.transition, { input: { caseId, transition: 'START_FOLLOW_UP' } }))).toBeUndefined();

    const reviewer = (await capabilitiesOf('reviewer')).viewerCan;
    expect(reviewer).toMatchObject({ transitions: ['REQUEST_INFO'], draftAnswer: true, approveAnswer: false, returnAnswer: false });
    const head = (await capabilitiesOf('head')).viewerCan;
    expect(head).toMatchObject({ transitions: [], draftAnswer: true, approveAnswer: false, returnAnswer: false, transfer: true });
    expect((await capabilitiesOf('verifier')).viewerCan).toMatchObject({ draftAnswer: false, transfer: true });
    for (const role of ROLES) await expectRefusalsAgree(role);

    // Offered, so accepted: the review team submits an answer; now the head may approve or return it.
    expect(codeOf(await staff.reviewer.call(MUTATIONS.draft, { input: { caseId, body: 'Jawaban resmi uji.', submit: true } }))).toBeUndefined();
    expect((await capabilitiesOf('head')).viewerCan).toMatchObject({ transitions: ['APPROVE_ANSWER'], approveAnswer: true, returnAnswer: true });
    expect((await capabilitiesOf('reviewer')).viewerCan).toMatchObject({ approveAnswer: false, returnAnswer: false });
    for (const role of ROLES) await expectRefusalsAgree(role);
    expect(codeOf(await staff.head.call(MUTATIONS.returnAnswer, { input: { caseId, reason: 'Lengkapi dasar hukumnya.' } }))).toBeUndefined();
    expect((await capabilitiesOf('head')).viewerCan).toMatchObject({ transitions: [], approveAnswer: false, returnAnswer: false });
  });

  it('after the answer: the review team and the head close, nobody messages the reporter', async () => {
    expect(codeOf(await staff.reviewer.call(MUTATIONS.draft, { input: { caseId, body: 'Jawaban resmi uji, diperbaiki.', submit: true } }))).toBeUndefined();
    expect(codeOf(await staff.head.call(MUTATIONS.transition, { input: { caseId, transition: 'APPROVE_ANSWER' } }))).toBeUndefined();
    expect((await capabilitiesOf('head')).status).toBe('ANSWERED');
    for (const role of ['reviewer', 'head'] as const) {
      expect((await capabilitiesOf(role)).viewerCan, role).toMatchObject({ transitions: ['CLOSE'], sendMessage: false, transfer: false, draftAnswer: false });
    }
    expect((await capabilitiesOf('verifier')).viewerCan).toMatchObject({ transitions: [], sendMessage: false, addNote: true });
    for (const role of ROLES) await expectRefusalsAgree(role);
  });
});
