/**
 * A transfer the chosen agency cannot receive, over HTTP: refused on `targetAgencySlug` with a
 * reason code, in Bahasa Indonesia unless the staff member asked for English, and the case
 * stays where it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, loginStaff } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
const TRANSFER = 'mutation T($input: TransferCaseInput!) { transferCase(input: $input) { status } }';

let database: TestDatabase;
let api: RunningProcess;
let token: string;
let caseId: string;

function transfer(targetAgencySlug: string, language: string) {
  return graphql(`${api.url}/t/${KALBAR}/graphql`, TRANSFER, {
    variables: { input: { caseId, targetAgencySlug, reason: 'Bukan kewenangan kami.' } },
    headers: { authorization: `Bearer ${token}`, 'accept-language': language },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi({ ...database.env, SLA_SWEEP_ENABLED: 'false' });
  token = await loginStaff(api.url, KALBAR, 'verifikator@inspektorat-kalbar.test');
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'aspiration') as CaseTypeInfo;
  const mode = caseType.identity.allowed.includes('ANONYMOUS') ? 'ANONYMOUS' : 'IDENTIFIED';
  const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: {
      input: {
        caseTypeKey: caseType.key,
        answers: validAnswers(caseType, 'taman kota'),
        identityMode: mode,
        reporter: mode === 'IDENTIFIED' ? reporterDetails(caseType.identity.identifiedRequires) : null,
        evidenceIds: [],
      },
    },
  });
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  const found = await graphql(`${api.url}/t/${KALBAR}/graphql`, INBOX, {
    variables: { filter: { search: filed.data!.submitReport.registrationNumber } },
    headers: { authorization: `Bearer ${token}` },
  });
  caseId = found.data!.inbox.cases[0].id;
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('a transfer the target cannot receive', () => {
  it.each([
    [
      'bkad-kalbar',
      'KIND_NOT_TAKEN',
      'BKAD Kalbar tidak menerima jenis laporan ini (Aspirasi).',
      'BKAD Kalbar does not take this kind of report (Aspiration).',
    ],
    [KALBAR, 'SAME_AGENCY', 'Aduan ini sudah berada di instansi ini.', 'The case is already at this agency.'],
    ['tidak-ada-instansi', 'UNKNOWN_AGENCY', 'Tidak ada instansi dengan alamat ini.', 'No agency has this address.'],
  ])('to %s is refused as %s, in Bahasa Indonesia first and English on request', async (slug, reason, indonesian, english) => {
    for (const [language, message] of [
      ['id', indonesian],
      ['en', english],
      ['fr', indonesian],
    ] as const) {
      const response = await transfer(slug, language);
      const error = response.errors?.[0];
      expect(error?.extensions, `${language}: ${JSON.stringify(response.errors)}`).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        issues: [{ path: ['input', 'targetAgencySlug'], message }],
      });
      expect(error?.message).toBe(message);
      expect(response.data?.transferCase ?? null).toBeNull();
    }
    const still = await graphql(`${api.url}/t/${KALBAR}/graphql`, 'query($id: ID!) { staffCase(id: $id) { status transferredTo } }', {
      variables: { id: caseId },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(still.data!.staffCase).toEqual({ status: 'SUBMITTED', transferredTo: null });
  });
});
