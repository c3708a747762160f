import { describe, expect, it } from 'vitest';
import { consoleBase, consoleInboxPath, findConsoleReturnPath } from './console-paths';

const agency = { kind: 'agency', slug: 'inspektorat-kalbar' } as const;

describe('console paths', () => {
  it('puts an agency console under its slug and the secretariat on the platform', () => {
    expect(consoleBase(agency)).toBe('/t/inspektorat-kalbar/konsol');
    expect(consoleBase({ kind: 'secretariat' })).toBe('/konsol/sekretariat');
  });

  it("puts the inbox inside the session cookie's path, so its data requests carry the cookie", () => {
    // Remix asks for a page's data at `<path>.data`; the cookie's path is the console base.
    for (const scope of [agency, { kind: 'secretariat' } as const]) {
      const dataRequest = `${consoleInboxPath(scope)}.data`;
      expect(dataRequest.startsWith(`${consoleBase(scope)}/`)).toBe(true);
    }
    expect(consoleInboxPath(agency)).toBe('/t/inspektorat-kalbar/konsol/kotak-masuk');
    expect(consoleInboxPath({ kind: 'secretariat' })).toBe('/konsol/sekretariat/kotak-masuk');
  });

  it('returns only to pages of the same console', () => {
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol/kasus/1a2b', agency)).toBe('/t/inspektorat-kalbar/konsol/kasus/1a2b');
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol?status=SUBMITTED&cari=2026', agency)).toBe(
      '/t/inspektorat-kalbar/konsol?status=SUBMITTED&cari=2026',
    );
    expect(findConsoleReturnPath('/t/bkad-kalbar/konsol', agency)).toBeNull();
    expect(findConsoleReturnPath('//evil.example/t/inspektorat-kalbar/konsol', agency)).toBeNull();
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsolx', agency)).toBeNull();
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol/keluar', agency)).toBeNull();
    expect(findConsoleReturnPath('https://evil.example/', agency)).toBeNull();
  });

  it('sends every hostile return path to the console home (null), however it is spelled', () => {
    const hostile = [
      '//evil.example',
      '//evil.example/t/inspektorat-kalbar/konsol',
      '/\\evil.example',
      '/\\evil.example/t/inspektorat-kalbar/konsol',
      '\\\\evil.example',
      'https://evil.example/t/inspektorat-kalbar/konsol',
      'http:evil.example',
      'javascript:alert(1)',
      '/%2F%2Fevil.example',
      '/%2f/evil.example',
      '/%5Cevil.example',
      '/t/inspektorat-kalbar/konsol/../../bkad-kalbar/konsol',
      '/t/inspektorat-kalbar/konsol/%2e%2e/%2e%2e/bkad-kalbar/konsol',
      '/t/inspektorat-kalbar/konsol/%2E%2E/%2E%2E/%2E%2E//evil.example',
      '/t/inspektorat-kalbar/konsol/..%2f..%2fbkad-kalbar/konsol',
      '/t/inspektorat-kalbar/konsol/%5c%5cevil.example',
      '/t/inspektorat-kalbar/konsol/..\\..\\bkad-kalbar',
      '/t/inspektorat-kalbar/konsol\t/../../evil',
      ' /t/inspektorat-kalbar/konsol',
      '/t/inspektorat-kalbar/konsol/./masuk',
      '/t/inspektorat-kalbar/konsol/%6Basus/../keluar',
      '/t/bkad-kalbar/konsol/kotak-masuk',
      '/konsol/sekretariat/kotak-masuk',
      '/t/inspektorat-kalbar/',
      '/',
    ];
    for (const path of hostile) expect(findConsoleReturnPath(path, agency), path).toBeNull();
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol/../../bkad-kalbar/konsol', { kind: 'secretariat' })).toBeNull();
  });

  it('returns the normalised path, not the raw value', () => {
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol/kasus/../notifikasi', agency)).toBe('/t/inspektorat-kalbar/konsol/notifikasi');
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol/kotak-masuk?status=NEW#x', agency)).toBe('/t/inspektorat-kalbar/konsol/kotak-masuk?status=NEW');
    expect(findConsoleReturnPath('/konsol/sekretariat/notifikasi', { kind: 'secretariat' })).toBe('/konsol/sekretariat/notifikasi');
  });
});
