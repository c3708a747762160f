import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLiveCursorCodec, createOpaqueIdCodec, UNKNOWN_CURSOR } from './live-cursor.ts';

const masterKey = Buffer.alloc(32, 7);
const codec = createLiveCursorCodec(masterKey);
const IDS = ['0', '1', '2', '41', '9007199254740993', '9223372036854775807'];

describe('live cursor tokens', () => {
  it('round-trip every event id, as 22 base64url characters that are not a number', () => {
    for (const id of IDS) {
      const token = codec.encode(id);
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(token).not.toMatch(/^\d+$/);
      expect(codec.decode(token)).toBe(id);
    }
  });

  it('give one token per id (repeats are recognised by equality), and different ids different tokens', () => {
    expect(codec.encode('41')).toBe(codec.encode('41'));
    const tokens = new Set(Array.from({ length: 2000 }, (_, i) => codec.encode(String(i + 1))));
    expect(tokens.size).toBe(2000);
  });

  it('do not show which of two ids is larger, nor by how much they differ', () => {
    // Consecutive ids give unrelated tokens: no shared prefix beyond chance, no order kept.
    const tokens = Array.from({ length: 200 }, (_, i) => codec.encode(String(1000 + i)));
    const sorted = [...tokens].sort();
    expect(sorted).not.toEqual(tokens);
    const sharedPrefix = tokens.slice(1).filter((token, i) => token.slice(0, 3) === tokens[i]!.slice(0, 3)).length;
    expect(sharedPrefix).toBeLessThan(3);
  });

  it('are read by every instance of the deployment (one master key), and by no other deployment', () => {
    const token = codec.encode('12345');
    expect(createLiveCursorCodec(Buffer.from(masterKey)).decode(token)).toBe('12345');
    const other = createLiveCursorCodec(Buffer.alloc(32, 8));
    expect(other.encode('12345')).not.toBe(token);
    expect(other.decode(token)).toBeNull();
    for (let i = 0; i < 200; i++) expect(other.decode(createLiveCursorCodec(randomBytes(32)).encode(String(i + 1)))).toBeNull();
  });

  it('keep each sequence under its own key: an audit entry token is no live cursor, and the reverse', () => {
    const audit = createOpaqueIdCodec(masterKey, 'aduan/audit-entry/v1');
    expect(audit.decode(audit.encode('12345'))).toBe('12345');
    expect(audit.encode('12345')).not.toBe(codec.encode('12345'));
    expect(codec.decode(audit.encode('12345'))).toBeNull();
    expect(audit.decode(codec.encode('12345'))).toBeNull();
  });

  it('refuse a tampered token: any one character changed', () => {
    const token = codec.encode('777');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let position = 0; position < token.length; position++) {
      for (const replacement of alphabet) {
        if (replacement === token[position]) continue;
        const tampered = token.slice(0, position) + replacement + token.slice(position + 1);
        expect(codec.decode(tampered)).toBeNull();
      }
    }
  });

  it('refuse anything that is not a token: numbers, other lengths, other alphabets, random blocks', () => {
    for (const value of [
      '',
      '41',
      '999999999999',
      'not-a-cursor',
      'A'.repeat(21),
      'A'.repeat(23),
      `${codec.encode('5')}=`,
      codec.encode('5').replace(/.$/, '+'),
      `${'A'.repeat(21)}\u0000`,
    ]) {
      expect(codec.decode(value)).toBeNull();
    }
    expect(codec.decode(123 as unknown as string)).toBeNull();
    for (let i = 0; i < 500; i++) expect(codec.decode(randomBytes(16).toString('base64url'))).toBeNull();
  });

  it('accept only the canonical spelling of a token', () => {
    const token = codec.encode('9');
    // The last character carries 2 unused bits: its other spellings decode to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    const variant = token.slice(0, -1) + alphabet[last ^ 1]!;
    expect(Buffer.from(variant, 'base64url').equals(Buffer.from(token, 'base64url'))).toBe(true);
    expect(codec.decode(variant)).toBeNull();
  });

  it('encode only event ids, and the unknown cursor names no event', () => {
    for (const bad of ['-1', '01', '1.5', 'x', '9223372036854775808', '']) expect(() => codec.encode(bad)).toThrow(TypeError);
    expect(UNKNOWN_CURSOR).toBe('0');
    expect(() => createLiveCursorCodec(Buffer.alloc(16))).toThrow(TypeError);
  });
});
