/**
 * The per-case figures end to end: a report filed on the portal and answered by the agency's
 * staff through the API, and the API's own figures runner (stats/figures-runner.ts) writes the
 * case's `case_figure` row: answered, with its first response. The timer is set to an hour, so
 * the row comes from the news of the case's events (or the runner's first turn at start).
 *
 * On PostgreSQL the test watches the database while the API runs. PGlite belongs to one process:
 * there the API is stopped and started again, a staff note makes news, and the test waits for the
 * runner to log a turn that computed figures before it stops the API and looks.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { printServerOutputOnFailure } from './support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, TRANSITION_CASE, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
let database: TestDatabase;
let api: RunningProcess;
let apiEnv: Record<string, string | undefined>;
const staff: Record<string, StaffClient> = {};

printServerOutputOnFailure(() => [api]);

async function signIn() {
  staff.verifier = await staffClient(api.url, KALBAR, 'verifikator');
  staff.reviewer = await staffClient(api.url, KALBAR, 'telaah');
  staff.head = await staffClient(api.url, KALBAR, 'pimpinan');
}

async function transition(client: StaffClient, id: string, name: string) {
  const response = await client.call(TRANSITION_CASE, { input: { caseId: id, transition: name } });
  if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
  return response.data!.transitionCase as { status: string };
}

/** Polls until `check` returns a value, for at most `ms`; the last error says what was seen. */
async function eventually<T>(what: string, check: () => Promise<T | null>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const figuresTurns = () =>
  api
    .output()
    .split('\n')
    .filter((line) => line.includes('"figures computed"')).length;

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-figures-'));
  apiEnv = {
    ...database.env,
    IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'),
    EVIDENCE_DIR: path.join(scratch, 'evidence'),
    FIGURES_INTERVAL_SECONDS: '3600',
    LOG_LEVEL: 'debug',
  };
  api = await startApi(apiEnv);
  await signIn();
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('the figures runner', () => {
  it("writes an answered case's figures after staff answer it", async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint') as CaseTypeInfo;
    const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
    const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'angka'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
      },
    });
    expect(filed.errors).toBeUndefined();
    const number = filed.data!.submitReport.registrationNumber as string;
    const found = await staff.verifier!.call(INBOX, { filter: { search: number } });
    const caseId = found.data!.inbox.cases[0].id as string;

    await transition(staff.verifier!, caseId, 'TAKE_FOR_VERIFICATION');
    await transition(staff.verifier!, caseId, 'ACCEPT');
    await transition(staff.reviewer!, caseId, 'START_FOLLOW_UP');
    const drafted = await staff.reviewer!.call('mutation D($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { id } }', {
      input: { caseId, body: 'Laporan sudah ditindaklanjuti oleh dinas terkait.', submit: true },
    });
    expect(drafted.errors).toBeUndefined();
    expect((await transition(staff.head!, caseId, 'APPROVE_ANSWER')).status).toBe('ANSWERED');

    if (database.kind === 'pglite') {
      // Stopped and started again: then a note is news, and a logged turn has read it (and the answer before it).
      await api.stop();
      api = await startApi(apiEnv);
      await signIn();
      const note = await staff.reviewer!.call('mutation N($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }', {
        input: { caseId, kind: 'NOTE', body: 'Arsip tindak lanjut.' },
      });
      expect(note.errors).toBeUndefined();
      await eventually('a figures turn in the API log', async () => (figuresTurns() > 0 ? true : null));
      await api.stop();
    }

    const db = database.open();
    try {
      const row = await eventually('the case figure, answered', async () => {
        const figure = await db.prisma.caseFigure.findUnique({ where: { caseId } });
        return figure?.outcome === 'ANSWERED' ? figure : null;
      });
      const events = await db.prisma.caseEvent.findMany({ where: { caseId, kind: 'STATUS_CHANGED' }, orderBy: { id: 'asc' } });
      const submitted = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { receivedAt: true, tenantId: true } });
      expect(row).toMatchObject({
        tenantId: submitted.tenantId,
        receivedAt: submitted.receivedAt,
        status: 'ANSWERED',
        outcome: 'ANSWERED',
        // The first response is the verifier taking the report; the answer its approval.
        firstResponseAt: events[0]!.createdAt,
        resolvedAt: events.at(-1)!.createdAt,
        standardWorkingDays: 8,
        withinStandard: true,
        escalated: false,
        transferredIn: false,
      });
      // Filed and answered within a minute: the same local day, or the next when it crossed midnight.
      expect(row.firstResponseWorkingDays).toBeLessThanOrEqual(1);
      expect(row.resolveWorkingDays).toBeLessThanOrEqual(1);
      expect(row.resolveDays).toBe(0);
    } finally {
      await db.close();
    }
  });
});
