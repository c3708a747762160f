import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDownloadFile } from './case-type-download.route.ts';
import { findDownloadContentType } from './tenant-files.schema.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'aduan-downloads-'));
mkdirSync(path.join(root, 'demo', 'documents'), { recursive: true });
writeFileSync(path.join(root, 'demo', 'documents', 'formulir.pdf'), '%PDF-1.7\n');
writeFileSync(path.join(root, 'demo', 'tenant.yaml'), 'slug: demo\n');
// A link in documents/ that leads out of it.
symlinkSync(path.join(root, 'demo', 'tenant.yaml'), path.join(root, 'demo', 'documents', 'keluar.txt'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a case type download on disk', () => {
  it('is found by its plain name in the tenant folder’s documents/', async () => {
    expect(await findDownloadFile(root, 'demo', 'formulir.pdf')).toBe(path.join(root, 'demo', 'documents', 'formulir.pdf'));
  });

  it.each(['../tenant.yaml', '..%2Ftenant.yaml', 'sub/formulir.pdf', '/etc/passwd', 'formulir.pdf/..', 'FORMULIR.PDF', 'formulir.exe', ''])(
    'refuses %j, which is not one plain name',
    async (file) => {
      expect(await findDownloadFile(root, 'demo', file)).toBeNull();
    },
  );

  it('refuses a link that leads out of documents/, and a missing file', async () => {
    expect(await findDownloadFile(root, 'demo', 'keluar.txt')).toBeNull();
    expect(await findDownloadFile(root, 'demo', 'tidak-ada.pdf')).toBeNull();
  });

  it('is served with the content type of its extension', () => {
    expect(findDownloadContentType('formulir.pdf')).toBe('application/pdf');
    expect(findDownloadContentType('formulir.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(findDownloadContentType('formulir.odt')).toBe('application/vnd.oasis.opendocument.text');
    expect(findDownloadContentType('formulir.txt')).toBe('text/plain; charset=utf-8');
  });
});
