import { describe, expect, it } from 'vitest';
import { consoleBase, findConsoleReturnPath } from './console-paths';

const agency = { kind: 'agency', slug: 'inspektorat-kalbar' } as const;

describe('console paths', () => {
  it('puts an agency console under its slug and the secretariat on the platform', () => {
    expect(consoleBase(agency)).toBe('/t/inspektorat-kalbar/konsol');
    expect(consoleBase({ kind: 'secretariat' })).toBe('/konsol/sekretariat');
  });

  it('returns only to pages of the same console', () => {
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol/kasus/1a2b', agency)).toBe('/t/inspektorat-kalbar/konsol/kasus/1a2b');
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol?status=SUBMITTED&cari=2026', agency)).toBe('/t/inspektorat-kalbar/konsol?status=SUBMITTED&cari=2026');
    expect(findConsoleReturnPath('/t/bkad-kalbar/konsol', agency)).toBeNull();
    expect(findConsoleReturnPath('//evil.example/t/inspektorat-kalbar/konsol', agency)).toBeNull();
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsolx', agency)).toBeNull();
    expect(findConsoleReturnPath('/t/inspektorat-kalbar/konsol/keluar', agency)).toBeNull();
    expect(findConsoleReturnPath('https://evil.example/', agency)).toBeNull();
  });
});
