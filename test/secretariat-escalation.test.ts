/**
 * The secretariat's follow-up of an escalation over HTTP (ADR 0028), on PGlite or PostgreSQL:
 * BKAD's reporters escalate overdue complaints to the Governor through the Regional Secretary;
 * the Kalimantan Barat secretariat acknowledges one, instructs BKAD with a deadline, and
 * records the outcome. Who may (only the province's secretariat, never on a restricted case or
 * one it is excluded from; never the agency's own staff), in which order, one of two at once,
 * what the agency and the reporter see, and the SLA sweep acting on the instructed deadline.
 *
 * Overdue deadlines are written into the database with the API stopped (PGlite has one owner).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, type StaffClient } from './support/staff.ts';

const BKAD = 'bkad-kalbar';
const KALBAR = 'inspektorat-kalbar';
const FOLLOW_UP = 'escalationFollowUp { state acknowledgedAt instructedAt instruction instructionDeadline outcome outcomeNote concludedAt }';
const CASE = `query C($id: ID!) { staffCase(id: $id) { id status currentStage { key } viewerCanOversee ${FOLLOW_UP} timeline { kind visibility reason actorKind } } }`;
const ACK = 'mutation A($input: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $input) { id escalationFollowUp { state } } }';
const INSTRUCT = 'mutation I($input: InstructAgencyInput!) { instructAgency(input: $input) { id escalationFollowUp { state instructionDeadline } } }';
const OUTCOME = 'mutation O($input: RecordEscalationOutcomeInput!) { recordEscalationOutcome(input: $input) { id escalationFollowUp { state outcome } } }';
const TRACK = /* GraphQL */ `
  query Track($number: String!, $code: String) {
    trackReport(registrationNumber: $number, trackingCode: $code) {
      escalatedAt escalationTarget timeline { kind }
      escalationFollowUp { state acknowledgedAt instructionDeadline outcome outcomeNote concludedAt }
    }
  }
`;
const ESCALATE = 'mutation E($input: EscalateReportInput!) { escalateReport(input: $input) { escalatedAt } }';
const NOTIFICATIONS = '{ staffNotifications(first: 50) { kind registrationNumber forProvince agencySlug } }';
const INSTRUCTION = 'Selesaikan tindak lanjut dan kirim jawaban resmi kepada pelapor.';

let database: TestDatabase;
let api: RunningProcess;
let scratch: string;
const staff: Record<string, StaffClient> = {};
type Filed = { registrationNumber: string; trackingCode: string; id?: string };
const filed: Record<string, Filed> = {};

function apiEnv(extra: Record<string, string> = {}) {
  return {
    ...database.env,
    IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'),
    EVIDENCE_DIR: path.join(scratch, 'evidence'),
    SLA_SWEEP_ENABLED: 'false',
    ...extra,
  };
}

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

/** A complaint: BKAD takes none online, so its verifier records an office visit (the reporter gets the tracking code). */
async function fileReport(slug: string, marker: string): Promise<Filed> {
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.key === 'complaint') as CaseTypeInfo;
  const answers = validAnswers(caseType, marker);
  if (!caseType.onlineIntake) {
    const recorded = await staff.verifier!.call(
      'mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { trackingCode case { id registrationNumber } } }',
      {
        input: {
          caseTypeKey: caseType.key,
          channelKey: 'office-visit',
          receivedAt: new Date().toISOString(),
          answers,
          identityMode: 'IDENTIFIED',
          reporter: { name: 'Pelapor Eskalasi', idNumber: '6171010101010012' },
        },
      },
    );
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
    const { trackingCode, case: row } = recorded.data!.recordOfflineIntake;
    return { registrationNumber: row.registrationNumber, trackingCode, id: row.id };
  }
  const photo = await uploadEvidence(api.url, slug, caseType.key, 'foto.png', png());
  const response = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers, identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.submitReport as Filed;
}

async function signInAll() {
  staff.verifier = await staffClient(api.url, BKAD, 'verifikator');
  staff.head = await staffClient(api.url, BKAD, 'pimpinan');
  staff.admin = await staffClient(api.url, BKAD, 'admin');
  staff.secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
  staff.secretariatAgain = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
  staff.secretariatSelatan = await staffClient(api.url, null, 'sekretariat@kalimantan-selatan.test');
}

const track = (slug: string, report: Filed) =>
  graphql(`${api.url}/t/${slug}/graphql`, TRACK, { variables: { number: report.registrationNumber, code: report.trackingCode } });

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-secretariat-'));
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi(apiEnv());
  await signInAll();
  for (const name of ['main', 'race', 'restricted', 'excluded', 'notEscalated', 'closing']) filed[name] = await fileReport(BKAD, `eskalasi ${name}`);
  filed.kalbar = await fileReport(KALBAR, 'eskalasi inspektorat');
  filed.kalbar.id = (await (await staffClient(api.url, KALBAR, 'pimpinan')).call(INBOX, { filter: { search: filed.kalbar.registrationNumber } }))
    .data!.inbox.cases[0].id;
  const reviewerId = (await (await staffClient(api.url, BKAD, 'telaah')).call('{ viewerStaff { id } }')).data!.viewerStaff.id;
  const restricted = await staff.head!.call('mutation R($input: RestrictCaseInput!) { restrictCase(input: $input) { restricted } }', {
    input: { caseId: filed.restricted!.id, handlerIds: [reviewerId] },
  });
  expect(restricted.data!.restrictCase.restricted).toBe(true);
  await api.stop();

  // Every stage deadline but one passed an hour ago; the secretariat has a conflict on one case.
  const db = database.open();
  try {
    const overdue = Object.entries(filed)
      .filter(([name]) => name !== 'notEscalated')
      .map(([, report]) => report.registrationNumber);
    await db.sql.query(`UPDATE "case" SET stage_deadline = now() - interval '1 hour' WHERE registration_number = ANY ($1::text[])`, [overdue]);
    await db.sql.query(
      `UPDATE case_sla s SET overdue_at = c.stage_deadline, next_reminder_at = NULL FROM "case" c WHERE c.id = s.case_id AND c.registration_number = ANY ($1::text[])`,
      [overdue],
    );
    await db.sql.query(
      `INSERT INTO case_exclusion (id, tenant_id, case_id, staff_user_id, kind, reason)
       SELECT gen_random_uuid(), c.tenant_id, c.id, s.id, 'NAMED_IN_REPORT', 'kerabat' FROM "case" c, staff_user s
        WHERE c.registration_number = $1 AND s.email = 'sekretariat@kalimantan-barat.test'`,
      [filed.excluded!.registrationNumber],
    );
  } finally {
    await db.close();
  }
  api = await startApi(apiEnv());
  await signInAll();
  for (const [name, report] of Object.entries(filed)) {
    if (name === 'notEscalated') continue;
    const slug = name === 'kalbar' ? KALBAR : BKAD;
    const escalated = await graphql(`${api.url}/t/${slug}/graphql`, ESCALATE, {
      variables: { input: { registrationNumber: report.registrationNumber, trackingCode: report.trackingCode } },
    });
    expect(escalated.errors, name).toBeUndefined();
  }
}, 300_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Pontianak' });

describe("the Kalimantan Barat secretariat's follow-up of a BKAD escalation", () => {
  it('finds the escalated cases of every agency of its province in the escalated inbox', async () => {
    const response = await staff.secretariat!.call(INBOX, { filter: { escalated: true }, first: 50 });
    expect(response.errors).toBeUndefined();
    const cases = response.data!.inbox.cases as { registrationNumber: string; agency: { slug: string } }[];
    const numbers = cases.map((item) => item.registrationNumber);
    for (const name of ['main', 'race', 'closing', 'kalbar']) expect(numbers, name).toContain(filed[name]!.registrationNumber);
    // Restricted away from it, or a conflict of its own: not there; nor what was never escalated.
    for (const name of ['restricted', 'excluded', 'notEscalated']) expect(numbers, name).not.toContain(filed[name]!.registrationNumber);
    expect(new Set(cases.map((item) => item.agency.slug))).toEqual(new Set([BKAD, KALBAR]));
  });

  it("refuses the agency's own staff, another province's secretariat, and a case restricted or excluded from it", async () => {
    const main = { caseId: filed.main!.id };
    for (const name of ['verifier', 'head', 'admin'] as const) {
      const response = await staff[name]!.call(ACK, { input: main });
      expect(codeOf(response), name).toBe('FORBIDDEN');
      const instructed = await staff[name]!.call(INSTRUCT, { input: { ...main, instruction: INSTRUCTION, deadline: inDays(5) } });
      expect(codeOf(instructed), name).toBe('FORBIDDEN');
    }
    expect(codeOf(await staff.secretariatSelatan!.call(ACK, { input: main }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.secretariat!.call(ACK, { input: { caseId: filed.restricted!.id } }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.secretariat!.call(ACK, { input: { caseId: filed.excluded!.id } }))).toBe('NOT_FOUND');
    // The agency's staff are not offered it either.
    expect((await staff.head!.call(CASE, { id: filed.main!.id })).data!.staffCase.viewerCanOversee).toBe(false);
    expect((await staff.secretariat!.call(CASE, { id: filed.main!.id })).data!.staffCase.viewerCanOversee).toBe(true);
  });

  it('acknowledges an escalated case once, and instructs only after that', async () => {
    const main = { caseId: filed.main!.id };
    expect(codeOf(await staff.secretariat!.call(ACK, { input: { caseId: filed.notEscalated!.id } }))).toBe('INVALID_TRANSITION');
    const early = await staff.secretariat!.call(INSTRUCT, { input: { ...main, instruction: INSTRUCTION, deadline: inDays(5) } });
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0]!.message).toMatch(/Acknowledge the escalation first/);
    const outcomeEarly = await staff.secretariat!.call(OUTCOME, { input: { ...main, outcome: 'RESOLVED_BY_AGENCY', note: 'Selesai.' } });
    expect(codeOf(outcomeEarly)).toBe('INVALID_TRANSITION');

    const acknowledged = await staff.secretariat!.call(ACK, { input: main });
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data!.acknowledgeEscalation.escalationFollowUp.state).toBe('ACKNOWLEDGED');
    expect(codeOf(await staff.secretariat!.call(ACK, { input: main }))).toBe('INVALID_TRANSITION');

    const reporter = (await track(BKAD, filed.main!)).data!.trackReport;
    expect(reporter.escalationFollowUp).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedAt: expect.any(String), instructionDeadline: null });
    expect(reporter.escalationTarget).toMatch(/Gubernur Kalimantan Barat melalui Sekretaris Daerah/);
    expect(reporter.timeline.map((entry: { kind: string }) => entry.kind)).toContain('ESCALATION_ACKNOWLEDGED');
  });

  it('takes a deadline 1 to 90 days ahead, as a date, and an instruction', async () => {
    const main = { caseId: filed.main!.id };
    for (const deadline of [inDays(0), inDays(-3), inDays(120), '2026-13-45', 'besok']) {
      const response = await staff.secretariat!.call(INSTRUCT, { input: { ...main, instruction: INSTRUCTION, deadline } });
      expect(codeOf(response), deadline).toBe('BAD_USER_INPUT');
    }
    const blank = await staff.secretariat!.call(INSTRUCT, { input: { ...main, instruction: '   ', deadline: inDays(5) } });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
  });

  it('instructs the agency: its case page, inbox and notifications show the deadline; the reporter sees it without the text', async () => {
    const main = { caseId: filed.main!.id };
    const deadline = inDays(5);
    const instructed = await staff.secretariat!.call(INSTRUCT, { input: { ...main, instruction: INSTRUCTION, deadline } });
    expect(instructed.errors).toBeUndefined();
    const deadlineAt = instructed.data!.instructAgency.escalationFollowUp.instructionDeadline as string;
    // The end of that day in Pontianak (UTC+7).
    expect(new Date(deadlineAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Pontianak' })).toBe(deadline);
    expect(new Date(deadlineAt).toISOString()).toMatch(/T16:59:59\.999Z$/);

    const agency = (await staff.verifier!.call(CASE, { id: filed.main!.id })).data!.staffCase;
    expect(agency.escalationFollowUp).toMatchObject({ state: 'INSTRUCTED', instruction: INSTRUCTION, instructionDeadline: deadlineAt });
    expect(agency.timeline).toContainEqual(expect.objectContaining({ kind: 'ESCALATION_INSTRUCTED', reason: INSTRUCTION, actorKind: 'STAFF' }));
    const inbox = await staff.verifier!.call('query($f: InboxFilter) { inbox(filter: $f) { cases { registrationNumber instructionDeadline } } }', {
      f: { search: filed.main!.registrationNumber },
    });
    expect(inbox.data!.inbox.cases[0].instructionDeadline).toBe(deadlineAt);
    for (const name of ['verifier', 'head'] as const) {
      const notifications = (await staff[name]!.call(NOTIFICATIONS)).data!.staffNotifications as { kind: string; registrationNumber: string }[];
      expect(notifications, name).toContainEqual(expect.objectContaining({ kind: 'INSTRUCTION', registrationNumber: filed.main!.registrationNumber }));
    }

    const reporter = await track(BKAD, filed.main!);
    expect(reporter.data!.trackReport.escalationFollowUp).toMatchObject({ state: 'INSTRUCTED', instructionDeadline: deadlineAt, outcome: null });
    expect(JSON.stringify(reporter)).not.toContain('Selesaikan tindak lanjut');
    // The reporter's type has no instruction at all.
    const asked = await graphql(`${api.url}/t/${BKAD}/graphql`, TRACK.replace('outcomeNote', 'outcomeNote instruction'), {
      variables: { number: filed.main!.registrationNumber, code: filed.main!.trackingCode },
    });
    expect(codeOf(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('never lets the agency erase the instruction or record the outcome itself', async () => {
    const main = { caseId: filed.main!.id };
    for (const name of ['verifier', 'head'] as const) {
      expect(codeOf(await staff[name]!.call(OUTCOME, { input: { ...main, outcome: 'RESOLVED_BY_AGENCY', note: 'Sudah.' } })), name).toBe('FORBIDDEN');
    }
    const agency = (await staff.head!.call(CASE, { id: filed.main!.id })).data!.staffCase;
    expect(agency.escalationFollowUp).toMatchObject({ state: 'INSTRUCTED', instruction: INSTRUCTION });
  });

  it('lets one of two secretariat members acting at once succeed, at each step', async () => {
    const race = { caseId: filed.race!.id };
    const both = async (query: string, input: Record<string, unknown>) => {
      const results = await Promise.all([staff.secretariat!.call(query, { input }), staff.secretariatAgain!.call(query, { input })]);
      expect(
        results.filter((result) => !result.errors),
        query,
      ).toHaveLength(1);
      expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(codeOf(results.find((result) => result.errors)!));
    };
    await both(ACK, race);
    await both(OUTCOME, { ...race, outcome: 'NOT_WARRANTED', note: 'Instansi telah menjawab tepat waktu.' });
    const events = (await staff.secretariat!.call(CASE, { id: filed.race!.id })).data!.staffCase.timeline as { kind: string }[];
    expect(events.filter((event) => event.kind === 'ESCALATION_ACKNOWLEDGED')).toHaveLength(1);
    expect(events.filter((event) => event.kind === 'ESCALATION_CONCLUDED')).toHaveLength(1);
  });

  it('instructs once while the deadline runs, one of two at once', async () => {
    const closing = { caseId: filed.closing!.id };
    expect((await staff.secretariat!.call(ACK, { input: closing })).errors).toBeUndefined();
    const results = await Promise.all([
      staff.secretariat!.call(INSTRUCT, { input: { ...closing, instruction: 'Pertama', deadline: inDays(3) } }),
      staff.secretariatAgain!.call(INSTRUCT, { input: { ...closing, instruction: 'Kedua', deadline: inDays(4) } }),
    ]);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(codeOf(results.find((result) => result.errors)!)).toBe('INVALID_TRANSITION');
    const again = await staff.secretariat!.call(INSTRUCT, { input: { ...closing, instruction: 'Perpanjangan', deadline: inDays(10) } });
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0]!.message).toMatch(/deadline has not passed/);
    const events = (await staff.secretariat!.call(CASE, { id: filed.closing!.id })).data!.staffCase.timeline as { kind: string }[];
    expect(events.filter((event) => event.kind === 'ESCALATION_INSTRUCTED')).toHaveLength(1);
  });

  it('has the SLA sweep tell the agency and the province once the instructed deadline passed', async () => {
    await api.stop();
    const db = database.open();
    try {
      // As if the instructed day had ended an hour ago.
      await db.sql.query(
        `UPDATE case_sla s SET instruction_deadline = now() - interval '1 hour', instruction_overdue_at = now() - interval '1 hour'
           FROM "case" c WHERE c.id = s.case_id AND c.registration_number = $1`,
        [filed.main!.registrationNumber],
      );
    } finally {
      await db.close();
    }
    api = await startApi(apiEnv({ SLA_SWEEP_ENABLED: 'true', SLA_SWEEP_INTERVAL_SECONDS: '1' }));
    await signInAll();
    const told = (list: { kind: string; registrationNumber: string }[]) =>
      list.filter((item) => item.kind === 'INSTRUCTION_OVERDUE' && item.registrationNumber === filed.main!.registrationNumber);
    let verifier: { kind: string; registrationNumber: string; forProvince: boolean }[] = [];
    for (let attempt = 0; attempt < 60 && told(verifier).length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      verifier = (await staff.verifier!.call(NOTIFICATIONS)).data!.staffNotifications;
    }
    expect(told(verifier)).toHaveLength(1);
    const province = (await staff.secretariat!.call(NOTIFICATIONS)).data!.staffNotifications;
    expect(told(province)).toEqual([expect.objectContaining({ forProvince: true })]);
    // Told once, however many sweeps run.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(told((await staff.verifier!.call(NOTIFICATIONS)).data!.staffNotifications)).toHaveLength(1);
    const timeline = (await staff.verifier!.call(CASE, { id: filed.main!.id })).data!.staffCase.timeline as { kind: string; visibility: string }[];
    expect(timeline.filter((event) => event.kind === 'INSTRUCTION_OVERDUE')).toEqual([expect.objectContaining({ visibility: 'INTERNAL' })]);
    const reporter = (await track(BKAD, filed.main!)).data!.trackReport;
    expect(reporter.timeline.map((entry: { kind: string }) => entry.kind)).not.toContain('INSTRUCTION_OVERDUE');

    // Once passed, the secretariat may instruct again, with a new deadline the sweep watches.
    const again = await staff.secretariat!.call(INSTRUCT, { input: { caseId: filed.main!.id, instruction: 'Instruksi kedua.', deadline: inDays(7) } });
    expect(again.errors).toBeUndefined();
    expect(again.data!.instructAgency.escalationFollowUp.instructionDeadline).toMatch(/T16:59:59\.999Z$/);
  });

  it('records the outcome once, and the reporter reads it', async () => {
    const main = { caseId: filed.main!.id };
    const note = 'BKAD telah menyelesaikan tindak lanjut atas instruksi Sekretariat Daerah.';
    const recorded = await staff.secretariat!.call(OUTCOME, { input: { ...main, outcome: 'RESOLVED_BY_AGENCY', note } });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordEscalationOutcome.escalationFollowUp).toMatchObject({ state: 'CONCLUDED', outcome: 'RESOLVED_BY_AGENCY' });
    expect(codeOf(await staff.secretariat!.call(OUTCOME, { input: { ...main, outcome: 'INSTRUCTION_NOT_FOLLOWED', note: 'Ubah.' } }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(codeOf(await staff.secretariat!.call(INSTRUCT, { input: { ...main, instruction: INSTRUCTION, deadline: inDays(5) } }))).toBe('INVALID_TRANSITION');
    const reporter = (await track(BKAD, filed.main!)).data!.trackReport;
    expect(reporter.escalationFollowUp).toMatchObject({
      state: 'CONCLUDED',
      outcome: 'RESOLVED_BY_AGENCY',
      outcomeNote: note,
      concludedAt: expect.any(String),
    });
    expect(reporter.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(
      expect.arrayContaining(['ESCALATED', 'ESCALATION_ACKNOWLEDGED', 'ESCALATION_INSTRUCTED', 'ESCALATION_CONCLUDED']),
    );
    // The inbox no longer shows a deadline for a concluded follow-up.
    const inbox = await staff.verifier!.call('query($f: InboxFilter) { inbox(filter: $f) { cases { instructionDeadline } } }', {
      f: { search: filed.main!.registrationNumber },
    });
    expect(inbox.data!.inbox.cases[0].instructionDeadline).toBeNull();
  });
});
