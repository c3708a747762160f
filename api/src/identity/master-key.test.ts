import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdentityCryptoError } from './aead.ts';
import { loadMasterKey } from './master-key.ts';

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'aduan-master-key-'));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function thrown(run: () => unknown): IdentityCryptoError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IdentityCryptoError);
    return error as IdentityCryptoError;
  }
  return expect.fail('expected an error');
}

describe('loadMasterKey', () => {
  it('accepts IDENTITY_MASTER_KEY as base64 of 32 bytes, and prefers it to the file', () => {
    const key = randomBytes(32);
    const file = path.join(directory, 'master.key');
    expect(loadMasterKey({ value: key.toString('base64'), file, allowGenerate: true })).toEqual(key);
    expect(loadMasterKey({ value: ` ${key.toString('base64')}\n`, file, allowGenerate: false })).toEqual(key);
    expect(existsSync(file)).toBe(false);
  });

  it('rejects a bad IDENTITY_MASTER_KEY without echoing it', () => {
    const file = path.join(directory, 'master.key');
    const bad = [
      'correct-horse-battery-staple-super-secret',
      randomBytes(16).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(32).toString('hex'),
      randomBytes(32).toString('base64url'),
    ];
    for (const value of bad) {
      const error = thrown(() => loadMasterKey({ value, file, allowGenerate: true }));
      expect(error.message).toMatch(/IDENTITY_MASTER_KEY must be the base64 of exactly 32 random bytes/);
      expect(error.message).not.toContain(value);
      expect(error.message).not.toContain(value.slice(0, 8));
      expect(error.reason).toBe('MASTER_KEY');
    }
    expect(existsSync(file)).toBe(false);
  });

  it('generates a 0600 key file (creating folders) and reuses it on the next load', () => {
    const file = path.join(directory, 'nested', 'deeper', 'identity-master.key');
    const first = loadMasterKey({ file, allowGenerate: true });
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first);
    expect(loadMasterKey({ file, allowGenerate: true })).toEqual(first);
    expect(loadMasterKey({ file, allowGenerate: false })).toEqual(first);
    expect(loadMasterKey({ value: '', file, allowGenerate: false })).toEqual(first);
    // No temporary files are left behind.
    expect(readdirSync(path.dirname(file))).toEqual(['identity-master.key']);
  });

  it('throws when the file is missing and generation is not allowed', () => {
    const file = path.join(directory, 'missing.key');
    const error = thrown(() => loadMasterKey({ file, allowGenerate: false }));
    expect(error.message).toMatch(/IDENTITY_MASTER_KEY must be set/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a key file with anything but a key, without echoing its content', () => {
    const file = path.join(directory, 'master.key');
    writeFileSync(file, 'not-a-key-but-a-secret-anyway', { mode: 0o600 });
    const error = thrown(() => loadMasterKey({ file, allowGenerate: true }));
    expect(error.message).toContain(file);
    expect(error.message).not.toContain('not-a-key');
    // A corrupt file is never silently replaced: data encrypted under it would be lost.
    expect(readFileSync(file, 'utf8')).toBe('not-a-key-but-a-secret-anyway');
  });
});
