import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTenantFiles, TenantFilesInvalidError } from './tenant-files.loader.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const REPO_TENANTS = path.resolve(import.meta.dirname, '..', '..', '..', 'tenants');

async function issuesOf(dir: string) {
  try {
    await loadTenantFiles(dir);
  } catch (error) {
    if (error instanceof TenantFilesInvalidError) return error.issues;
    throw error;
  }
  throw new Error(`${dir} loaded without error`);
}

describe('the demo agencies in tenants/', () => {
  it('are valid, four agencies in three provinces', async () => {
    const bundle = await loadTenantFiles(REPO_TENANTS);
    expect(bundle.provinces.map((province) => province.slug)).toEqual(['kalimantan-barat', 'kalimantan-selatan', 'kalimantan-timur']);
    expect(bundle.tenants.map((definition) => [definition.tenant.slug, definition.tenant.timeZone, definition.tenant.province])).toEqual([
      ['bkad-kalbar', 'Asia/Pontianak', 'kalimantan-barat'],
      ['inspektorat-bontang', 'Asia/Makassar', 'kalimantan-timur'],
      ['inspektorat-kalbar', 'Asia/Pontianak', 'kalimantan-barat'],
      ['inspektorat-kalsel', 'Asia/Makassar', 'kalimantan-selatan'],
    ]);
  });

  it('hold the facts their pages state', async () => {
    const { tenants } = await loadTenantFiles(REPO_TENANTS);
    const bySlug = Object.fromEntries(tenants.map((definition) => [definition.tenant.slug, definition]));
    const kalbar = bySlug['inspektorat-kalbar']!;
    expect(kalbar.caseTypes.map((caseType) => caseType.kind).sort()).toEqual([
      'ASPIRATION',
      'COMPLAINT',
      'GRATIFICATION',
      'ILLEGAL_LEVY',
      'INFORMATION_REQUEST',
      'NO_FINDINGS_CERTIFICATE',
      'WHISTLEBLOWING',
    ]);
    const complaintForm = kalbar.forms.find((form) => form.key === kalbar.caseTypes.find((c) => c.key === 'complaint')!.form)!;
    expect(complaintForm.criteria).toBe('THREE_W');
    const certificate = kalbar.caseTypes.find((caseType) => caseType.kind === 'NO_FINDINGS_CERTIFICATE')!;
    expect(certificate.onlineIntake).toBe(false);
    expect(certificate.requiredDocuments).toHaveLength(4);
    // "formulir pelaporan gratifikasi, dapat diunduh disini": the form is offered with its case type.
    const gratification = kalbar.caseTypes.find((caseType) => caseType.kind === 'GRATIFICATION')!;
    expect(gratification.downloads).toEqual([
      {
        key: 'formulir-gratifikasi',
        title: { id: 'Formulir pelaporan gratifikasi', en: 'Gratification reporting form' },
        file: 'formulir-pelaporan-gratifikasi.pdf',
      },
    ]);
    const contacts = JSON.stringify(kalbar.channels);
    for (const value of ['082348582192', '1708', 'admin.upg@kalbarprov.go.id', 'whistleblower@kalbarprov.go.id', '0821-4953-0899']) {
      expect(contacts.replace(/[\s-]/g, '')).toContain(value.replace(/-/g, ''));
    }
    const lapor = kalbar.slaPolicies.flatMap((policy) => policy.stages.map((stage) => stage.workingDays));
    expect(lapor).toEqual(expect.arrayContaining([3, 5]));

    const bkad = bySlug['bkad-kalbar']!;
    expect(bkad.caseTypes.map((caseType) => caseType.kind)).toEqual(['COMPLAINT']);
    expect(bkad.caseTypes[0]!.identity.allowed).toEqual(['IDENTIFIED']);
    expect(bkad.caseTypes[0]!.identity.identifiedRequires).toEqual(expect.arrayContaining(['NAME', 'ID_NUMBER']));
    const bkadPolicy = bkad.slaPolicies[0]!;
    expect(bkadPolicy.stages.map((stage) => stage.workingDays)).toContain(5);
    expect(bkadPolicy.escalationTarget?.id).toMatch(/Gubernur.*Sekretaris Daerah/);
    expect(bkadPolicy.monthlyReportDay).toBe(15);
    expect(bkad.serviceStandards[0]!.complaintHandling).toHaveLength(7);

    const bontang = bySlug['inspektorat-bontang']!;
    expect(bontang.tenant.registrationPrefix).toBe('BTG');
    const wbs = bontang.caseTypes.find((caseType) => caseType.kind === 'WHISTLEBLOWING')!;
    expect(bontang.forms.find((form) => form.key === wbs.form)!.criteria).toBe('FIVE_W_ONE_H');
    expect(wbs.identity.allowed).toEqual(expect.arrayContaining(['PSEUDONYMOUS', 'ANONYMOUS']));
    expect(wbs.identity.pseudonymousRequires).toContain('PHONE');
    expect(bontang.slaPolicies).toEqual([]);

    const kalsel = bySlug['inspektorat-kalsel']!;
    expect(kalsel.slaPolicies.flatMap((policy) => policy.stages.map((stage) => stage.workingDays))).toEqual([3]);
  });
});

describe('the loader', () => {
  it('accepts the valid fixture with its defaults filled in', async () => {
    const bundle = await loadTenantFiles(path.join(FIXTURES, 'valid'));
    expect(bundle.tenants).toHaveLength(1);
    expect(bundle.tenants[0]!.caseTypes[0]!.evidence.maxFiles).toBeGreaterThan(0);
  });

  const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'invalid', 'expected.json'), 'utf8')) as Record<
    string,
    { file: string; field: string; messageIncludes: string }[]
  >;
  const cases = readdirSync(path.join(FIXTURES, 'invalid'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it('has an expectation for every invalid fixture', () => {
    expect(Object.keys(expected).sort()).toEqual(cases.sort());
  });

  it.each(cases)('rejects %s naming the file, the field and what is wrong', async (name) => {
    const issues = await issuesOf(path.join(FIXTURES, 'invalid', name));
    for (const want of expected[name]!) {
      expect(issues).toContainEqual(expect.objectContaining({ file: want.file, field: want.field, message: expect.stringContaining(want.messageIncludes) }));
    }
    expect(issues).toHaveLength(expected[name]!.length);
  });

  it('says where a YAML syntax error is', async () => {
    const [issue] = await issuesOf(path.join(FIXTURES, 'invalid', 'bad-yaml'));
    expect(issue!.message).toMatch(/line \d+, column \d+/);
  });

  it('says a missing text field is required', async () => {
    const issues = await issuesOf(path.join(FIXTURES, 'invalid', 'missing-required-field'));
    expect(issues[0]!.message).toMatch(/required/);
  });
});
