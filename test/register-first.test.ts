/**
 * Issue 14, journey 1, over HTTP: Inspektorat Kalimantan Selatan takes only identified reports
 * from reporters who register first. A report filed while signed in is the account's ("Laporan
 * saya", `myReports`), whatever its identity mode but anonymous; only that account's session
 * reads it through the account, never its identity; and the account does not let staff tie a
 * sealed report to a name (ADR 0027).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { png } from '@aduan/api/evidence/test-files.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, TRACK_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { staffClient } from './support/staff.ts';

const KALSEL = 'inspektorat-kalsel';
const BONTANG = 'inspektorat-bontang';
const REGISTER = 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }';
const MY_REPORTS = '{ myReports { registrationNumber status title caseTypeKey receipt { identityMode } } }';
const NAME = 'Siti Rahayu Pelapor';

let database: TestDatabase;
let api: RunningProcess;
let apiEnv: Record<string, string | undefined>;
const endpoint = (slug: string) => `${api.url}/t/${slug}/graphql`;

async function register(slug: string, pseudonym: string): Promise<Record<string, string>> {
  const response = await graphql(endpoint(slug), REGISTER, { variables: { input: { pseudonym, password: 'kata-sandi-rahasia-1' } } });
  expect(response.errors, pseudonym).toBeUndefined();
  return { authorization: `Bearer ${response.data!.registerReporter.token}` };
}

async function caseType(slug: string, key: string): Promise<CaseTypeInfo> {
  return (await caseTypesOf(api.url, slug)).find((item) => item.key === key)!;
}

async function file(slug: string, input: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await graphql(endpoint(slug), SUBMIT_REPORT, { variables: { input }, headers });
  expect(response.errors).toBeUndefined();
  return response.data!.submitReport as { registrationNumber: string; trackingCode: string; receipt: { identityMode: string } };
}

async function identifiedReport(slug: string, key: string, marker: string, headers: Record<string, string>) {
  const ct = await caseType(slug, key);
  return file(
    slug,
    { caseTypeKey: key, answers: validAnswers(ct, marker), identityMode: 'IDENTIFIED', reporter: reporterDetails(ct.identity.identifiedRequires) },
    headers,
  );
}

/** Looks into the database; PGlite belongs to one process, so the API is stopped meanwhile. */
async function inspectDatabase<T>(look: (db: ReturnType<TestDatabase['open']>) => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') await api.stop();
  const db = database.open();
  try {
    return await look(db);
  } finally {
    await db.close();
    if (database.kind === 'pglite') api = await startApi(apiEnv);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  // Kept across the restarts of inspectDatabase: a new master key would not open the tenant keys.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-register-first-'));
  apiEnv = { ...database.env, IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'), EVIDENCE_DIR: path.join(scratch, 'evidence'), LOG_LEVEL: 'warn' };
  api = await startApi(apiEnv);
});

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe("Kalimantan Selatan's register-first account", () => {
  let owner: Record<string, string>;
  let wbs: Awaited<ReturnType<typeof file>>;
  let aspiration: Awaited<ReturnType<typeof file>>;

  it('lists an identified report filed while signed in, with its live status, and opens it without the code', async () => {
    owner = await register(KALSEL, 'Bekantan-Hijau');
    expect((await graphql(endpoint(KALSEL), MY_REPORTS, { headers: owner })).data).toEqual({ myReports: [] });
    // The agency takes only identified reports: the name is on the report's form, not in the account.
    const ct = await caseType(KALSEL, 'whistleblowing');
    expect(ct.identity.allowed).toEqual(['IDENTIFIED']);
    wbs = await identifiedReport(KALSEL, 'whistleblowing', 'wbs', owner);
    expect(wbs.receipt.identityMode).toBe('IDENTIFIED');

    const mine = await graphql(endpoint(KALSEL), MY_REPORTS, { headers: owner });
    expect(mine.data!.myReports).toEqual([
      {
        registrationNumber: wbs.registrationNumber,
        status: 'SUBMITTED',
        title: expect.any(String),
        caseTypeKey: 'whistleblowing',
        receipt: { identityMode: 'IDENTIFIED' },
      },
    ]);
    const asOwner = await graphql(endpoint(KALSEL), TRACK_REPORT, { variables: { number: wbs.registrationNumber }, headers: owner });
    expect(asOwner.errors).toBeUndefined();
    expect(asOwner.data!.trackReport).toMatchObject({ registrationNumber: wbs.registrationNumber, status: 'SUBMITTED' });

    // Newest first, and a later one is added.
    aspiration = await identifiedReport(KALSEL, 'aspiration', 'aspirasi berbeda sekali', owner);
    const both = (await graphql(endpoint(KALSEL), MY_REPORTS, { headers: owner })).data!.myReports;
    expect(both.map((item: { registrationNumber: string }) => item.registrationNumber)).toEqual([aspiration.registrationNumber, wbs.registrationNumber]);
  });

  it("never gives the identity to the account, and nobody else's session reads the report through it", async () => {
    const asOwner = await graphql(endpoint(KALSEL), TRACK_REPORT, { variables: { number: wbs.registrationNumber }, headers: owner });
    expect(asOwner.errors).toBeUndefined();
    const mine = await graphql(endpoint(KALSEL), MY_REPORTS, { headers: owner });
    for (const answer of [asOwner, mine]) expect(JSON.stringify(answer)).not.toContain(NAME);

    const stranger = await register(KALSEL, 'Pelanduk-Kecil');
    expect((await graphql(endpoint(KALSEL), MY_REPORTS, { headers: stranger })).data).toEqual({ myReports: [] });
    const byStranger = await graphql(endpoint(KALSEL), TRACK_REPORT, { variables: { number: wbs.registrationNumber }, headers: stranger });
    expect(byStranger.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const noSession = await graphql(endpoint(KALSEL), TRACK_REPORT, { variables: { number: wbs.registrationNumber } });
    expect(noSession.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // The owner's token means nothing at another agency.
    const elsewhere = await graphql(endpoint(BONTANG), MY_REPORTS, { headers: owner });
    expect(elsewhere.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('does not let staff tie the sealed report to the name on the same account’s other report', async () => {
    const verifier = await staffClient(api.url, KALSEL, 'verifikator');
    const query = `query($n: String!) { staffCase(registrationNumber: $n) { id confidential reporter { name } } }`;
    const sealed = (await verifier.call(query, { n: wbs.registrationNumber })).data!.staffCase;
    const named = (await verifier.call(query, { n: aspiration.registrationNumber })).data!.staffCase;
    // The hazard: one report of the account is sealed, the other names its reporter to staff.
    expect(sealed.confidential).toBe(true);
    expect(sealed.reporter).toBeNull();
    expect(named.reporter.name).toBe(NAME);
    const duplicates = await verifier.call('query($id: ID!) { staffCase(id: $id) { possibleDuplicates { id reasons } } }', { id: sealed.id });
    expect(duplicates.errors).toBeUndefined();
    for (const duplicate of duplicates.data!.staffCase.possibleDuplicates) expect(duplicate.reasons).not.toContain('SAME_REPORTER');
  });

  it('keeps an anonymous report filed with a session out of the account: not listed, no account on the case', async () => {
    const reporter = await register(BONTANG, 'Pesut-Mahakam');
    const ct = await caseType(BONTANG, 'whistleblowing');
    expect(ct.identity.allowed).toContain('ANONYMOUS');
    // Bontang asks for a photo with a whistleblowing report.
    const photo = async () => (await uploadEvidence(api.url, BONTANG, ct.key, 'foto.png', png())).evidenceId;
    const anonymous = await file(
      BONTANG,
      { caseTypeKey: ct.key, answers: validAnswers(ct, 'anonim'), identityMode: 'ANONYMOUS', evidenceIds: [await photo()] },
      reporter,
    );
    const pseudonymous = await file(
      BONTANG,
      {
        caseTypeKey: ct.key,
        answers: validAnswers(ct, 'samaran'),
        identityMode: 'PSEUDONYMOUS',
        reporter: reporterDetails(ct.identity.pseudonymousRequires),
        evidenceIds: [await photo()],
      },
      reporter,
    );
    const listed = (await graphql(endpoint(BONTANG), MY_REPORTS, { headers: reporter })).data!.myReports;
    expect(listed.map((item: { registrationNumber: string }) => item.registrationNumber)).toEqual([pseudonymous.registrationNumber]);
    const byAccount = await graphql(endpoint(BONTANG), TRACK_REPORT, { variables: { number: anonymous.registrationNumber }, headers: reporter });
    expect(byAccount.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const byCode = await graphql(endpoint(BONTANG), TRACK_REPORT, { variables: { number: anonymous.registrationNumber, code: anonymous.trackingCode } });
    expect(byCode.data!.trackReport.registrationNumber).toBe(anonymous.registrationNumber);

    await inspectDatabase(async (db) => {
      const rows = await db.sql.query<{ registration_number: string; reporter_account_id: string | null; actor_ids: (string | null)[] }>(
        `SELECT c.registration_number, c.reporter_account_id::text AS reporter_account_id, array_agg(e.actor_id) AS actor_ids
         FROM "case" c JOIN case_event e ON e.case_id = c.id WHERE c.registration_number = ANY($1) GROUP BY c.id`,
        [[anonymous.registrationNumber, pseudonymous.registrationNumber, wbs.registrationNumber]],
      );
      const byNumber = Object.fromEntries(rows.map((row) => [row.registration_number, row]));
      expect(byNumber[anonymous.registrationNumber]).toMatchObject({ reporter_account_id: null, actor_ids: [null] });
      expect(byNumber[pseudonymous.registrationNumber]!.reporter_account_id).toEqual(expect.any(String));
      expect(byNumber[wbs.registrationNumber]!.reporter_account_id).toEqual(expect.any(String));
      // Nothing of the identity is kept with the account.
      const accounts = await db.sql.query<{ whole: string }>('SELECT row_to_json(a)::text AS whole FROM reporter_account a');
      expect(accounts.map((account) => account.whole).join('\n')).not.toContain(NAME);
    });
  });
});
