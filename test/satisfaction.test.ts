/**
 * The reporter rates the answer (ADR 0029), over HTTP against a running API on PGlite or
 * PostgreSQL: only once the case is answered, changeable until it is closed, by number and
 * code or as the signed-in account it was filed under; a wrong code tells nothing; staff see
 * the rating and its history with the case (never excluded staff, never another agency, a
 * restricted case only its handlers and the head), and no staff session can rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, TRANSITION_CASE, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
let database: TestDatabase;
let api: RunningProcess;
let apiEnv: Record<string, string | undefined>;
const staff: Record<string, StaffClient> = {};
const endpoint = (slug = KALBAR) => `${api.url}/t/${slug}/graphql`;

const RATE = /* GraphQL */ `
  mutation Rate($input: RateCaseAnswerInput!) {
    rateCaseAnswer(input: $input) { registrationNumber rating { satisfied comment ratedAt updatedAt changed } }
  }
`;
const TRACK = /* GraphQL */ `
  query Track($number: String!, $code: String) {
    trackReport(registrationNumber: $number, trackingCode: $code) { status canRate rating { satisfied comment changed } timeline { kind } }
  }
`;
const STAFF_RATING = /* GraphQL */ `
  query StaffRating($id: ID!) {
    staffCase(id: $id) { status rating { satisfied comment changed } timeline { kind visibility actorKind satisfied } }
  }
`;

interface Filed {
  registrationNumber: string;
  trackingCode: string;
  id: string;
}

function codeOf(response: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return response.errors?.[0]?.extensions?.code;
}

async function file(identityMode = 'ANONYMOUS', headers: Record<string, string> = {}): Promise<Filed> {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint') as CaseTypeInfo;
  const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
  const reporter =
    identityMode === 'PSEUDONYMOUS'
      ? reporterDetails(caseType.identity.pseudonymousRequires)
      : identityMode === 'IDENTIFIED'
        ? reporterDetails(caseType.identity.identifiedRequires)
        : undefined;
  const response = await graphql(endpoint(), SUBMIT_REPORT, {
    variables: {
      input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'lampu jalan'), identityMode, reporter, evidenceIds: [photo.evidenceId] },
    },
    headers,
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const found = await staff.verifier!.call(INBOX, { filter: { search: filed.registrationNumber } });
  return { ...filed, id: found.data!.inbox.cases[0].id as string };
}

async function transition(client: StaffClient, id: string, name: string) {
  const response = await client.call(TRANSITION_CASE, { input: { caseId: id, transition: name } });
  if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
  return response.data!.transitionCase;
}

/** Through the whole lifecycle to ANSWERED: the reviewer drafts, the head approves. */
async function answer(id: string) {
  await transition(staff.verifier!, id, 'TAKE_FOR_VERIFICATION');
  await transition(staff.verifier!, id, 'ACCEPT');
  await transition(staff.reviewer!, id, 'START_FOLLOW_UP');
  const drafted = await staff.reviewer!.call('mutation D($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { id } }', {
    input: { caseId: id, body: 'Lampu jalan sudah diperbaiki oleh Dinas Perhubungan.', submit: true },
  });
  if (drafted.errors) throw new Error(JSON.stringify(drafted.errors));
  expect((await transition(staff.head!, id, 'APPROVE_ANSWER')).status).toBe('ANSWERED');
}

const rate = (input: Record<string, unknown>, headers: Record<string, string> = {}, slug = KALBAR) =>
  graphql(endpoint(slug), RATE, { variables: { input }, headers });
const track = (filed: Filed, code: string | null = filed.trackingCode, headers: Record<string, string> = {}) =>
  graphql(endpoint(), TRACK, { variables: { number: filed.registrationNumber, code }, headers });

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  // Generous limits for the file's many calls from one address; the limit itself is tested last.
  apiEnv = { ...database.env, RATE_LIMIT_SCALE: '20' };
  api = await startApi(apiEnv);
  staff.verifier = await staffClient(api.url, KALBAR, 'verifikator');
  staff.reviewer = await staffClient(api.url, KALBAR, 'telaah');
  staff.head = await staffClient(api.url, KALBAR, 'pimpinan');
  staff.bkad = await staffClient(api.url, 'bkad-kalbar', 'verifikator');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('rating the answer', () => {
  it('is refused before the answer, given once answered, changed in place, and refused once closed', async () => {
    const filed = await file();
    const early = await rate({ registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: true });
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect((await track(filed)).data!.trackReport).toMatchObject({ canRate: false, rating: null });

    await answer(filed.id);
    expect((await track(filed)).data!.trackReport).toMatchObject({ status: 'ANSWERED', canRate: true, rating: null });
    const first = await rate({
      registrationNumber: filed.registrationNumber.toLowerCase(),
      trackingCode: filed.trackingCode,
      satisfied: true,
      comment: '  Cepat, terima kasih.  ',
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.rateCaseAnswer).toMatchObject({
      registrationNumber: filed.registrationNumber,
      rating: { satisfied: true, comment: 'Cepat, terima kasih.', changed: false },
    });
    expect((await track(filed)).data!.trackReport.rating).toEqual({ satisfied: true, comment: 'Cepat, terima kasih.', changed: false });

    // The same rating sent again (a re-sent form) records nothing new.
    await rate({ registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: true, comment: 'Cepat, terima kasih.' });
    const changed = await rate({ registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: false, comment: '' });
    expect(changed.data!.rateCaseAnswer.rating).toMatchObject({ satisfied: false, comment: null, changed: true });
    expect(changed.data!.rateCaseAnswer.rating.ratedAt).toBe(first.data!.rateCaseAnswer.rating.ratedAt);

    const seen = (await staff.reviewer!.call(STAFF_RATING, { id: filed.id })).data!.staffCase;
    expect(seen.rating).toEqual({ satisfied: false, comment: null, changed: true });
    const rated = seen.timeline.filter((entry: { kind: string }) => entry.kind === 'RATED');
    expect(rated).toEqual([
      { kind: 'RATED', visibility: 'REPORTER', actorKind: 'REPORTER', satisfied: true },
      { kind: 'RATED', visibility: 'REPORTER', actorKind: 'REPORTER', satisfied: false },
    ]);
    expect((await track(filed)).data!.trackReport.timeline.filter((entry: { kind: string }) => entry.kind === 'RATED')).toHaveLength(2);

    expect((await transition(staff.head!, filed.id, 'CLOSE')).status).toBe('CLOSED');
    const late = await rate({ registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: true });
    expect(codeOf(late)).toBe('INVALID_TRANSITION');
    expect((await track(filed)).data!.trackReport).toMatchObject({ status: 'CLOSED', canRate: false, rating: { satisfied: false } });
  });

  it('refuses a comment past the limit with a clear message, and writes nothing', async () => {
    const filed = await file();
    await answer(filed.id);
    const refused = await graphql(endpoint(), RATE, {
      variables: { input: { registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: true, comment: 'x'.repeat(1001) } },
      headers: { 'accept-language': 'id' },
    });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.issues).toEqual([{ path: ['comment'], message: 'paling banyak 1000 karakter' }]);
    expect((await track(filed)).data!.trackReport.rating).toBeNull();
    const longest = await rate({ registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: true, comment: 'x'.repeat(1000) });
    expect(longest.errors).toBeUndefined();
  });

  it('tells a wrong code, an unknown number and another agency nothing, and writes nothing', async () => {
    const filed = await file();
    await answer(filed.id);
    const wrongCode = await rate({ registrationNumber: filed.registrationNumber, trackingCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', satisfied: false });
    const unknown = await rate({ registrationNumber: 'INSKB-2026-999999', trackingCode: filed.trackingCode, satisfied: false });
    const elsewhere = await rate({ registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: false }, {}, 'bkad-kalbar');
    for (const refused of [wrongCode, unknown, elsewhere]) {
      expect(codeOf(refused)).toBe('NOT_FOUND');
      expect(refused.errors![0]!.message).toBe(wrongCode.errors![0]!.message);
    }
    expect((await track(filed)).data!.trackReport.rating).toBeNull();
  });

  it('lets the signed-in account rate its own report without the code, and no other account', async () => {
    const register = async (pseudonym: string) => {
      const response = await graphql(endpoint(), 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }', {
        variables: { input: { pseudonym, password: 'kata-sandi-rahasia-1' } },
      });
      expect(response.errors).toBeUndefined();
      return { authorization: `Bearer ${response.data!.registerReporter.token}` };
    };
    const owner = await register('penilai.jawaban');
    const stranger = await register('orang.lain');
    // Kalbar's complaints are identified or anonymous; an identified report filed signed in is the account's (ADR 0027).
    const filed = await file('IDENTIFIED', owner);
    await answer(filed.id);
    const byStranger = await rate({ registrationNumber: filed.registrationNumber, satisfied: false }, stranger);
    expect(codeOf(byStranger)).toBe('NOT_FOUND');
    const byOwner = await rate({ registrationNumber: filed.registrationNumber, satisfied: true }, owner);
    expect(byOwner.data!.rateCaseAnswer.rating).toMatchObject({ satisfied: true });
    expect((await track(filed, null, owner)).data!.trackReport.rating).toMatchObject({ satisfied: true });
  });
});

describe('the hostile insider', () => {
  it('cannot rate with a staff session: without the code it is an unknown report', async () => {
    const filed = await file();
    await answer(filed.id);
    for (const member of [staff.head!, staff.reviewer!]) {
      const refused = await rate({ registrationNumber: filed.registrationNumber, satisfied: false }, { authorization: `Bearer ${member.token}` });
      expect(codeOf(refused)).toBe('NOT_FOUND');
    }
    expect((await staff.head!.call(STAFF_RATING, { id: filed.id })).data!.staffCase.rating).toBeNull();
  });

  it('hides the rating from excluded staff, from staff outside a restricted case, and from another agency', async () => {
    const filed = await file();
    await answer(filed.id);
    await rate({ registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, satisfied: false, comment: 'Jawaban tidak menjawab.' });
    expect((await staff.verifier!.call(STAFF_RATING, { id: filed.id })).data!.staffCase.rating).toMatchObject({ satisfied: false });
    expect(codeOf(await staff.bkad!.call(STAFF_RATING, { id: filed.id }))).toBe('NOT_FOUND');

    const reviewer = (await staff.reviewer!.call('{ viewerStaff { id } }')).data!.viewerStaff.id;
    const restricted = await staff.head!.call('mutation R($input: RestrictCaseInput!) { restrictCase(input: $input) { restricted } }', {
      input: { caseId: filed.id, handlerIds: [reviewer] },
    });
    expect(restricted.errors).toBeUndefined();
    const outside = await staff.verifier!.call(STAFF_RATING, { id: filed.id });
    expect(codeOf(outside)).toBe('NOT_FOUND');
    expect(outside.data?.staffCase ?? null).toBeNull();
    expect((await staff.reviewer!.call(STAFF_RATING, { id: filed.id })).data!.staffCase.rating).toMatchObject({ satisfied: false });
    expect((await staff.head!.call(STAFF_RATING, { id: filed.id })).data!.staffCase.rating).toMatchObject({ comment: 'Jawaban tidak menjawab.' });

    const declared = await staff.reviewer!.call('mutation C($input: RecordConflictInput!) { recordConflict(input: $input) { id } }', {
      input: { caseId: filed.id, reason: 'Terlapor adalah kerabat saya.' },
    });
    expect(declared.errors).toBeUndefined();
    expect(codeOf(await staff.reviewer!.call(STAFF_RATING, { id: filed.id }))).toBe('NOT_FOUND');
  });
});

describe('rate limits', () => {
  it('stop a client that keeps rating (or guessing codes)', async () => {
    // Last in this file: the API is replaced by one with tight limits (PGlite allows one process).
    await api.stop();
    api = await startApi({ ...apiEnv, RATE_LIMIT_SCALE: '0.05', LOG_LEVEL: 'warn' });
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      codes.push(codeOf(await rate({ registrationNumber: 'INSKB-2026-000001', trackingCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', satisfied: true })));
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(codes[0]).toBe('NOT_FOUND');
  });
});
