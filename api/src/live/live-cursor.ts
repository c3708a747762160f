/**
 * Live cursors as clients see them: opaque tokens, not event ids (docs/trust/live-cursors.md).
 *
 * Inside the API a cursor is a `case_event.id`, one sequence for the whole platform, so an id
 * handed to a client would tell a reporter or another agency's staff how many events the
 * platform wrote, and, watched over time, when other agencies are busy. Every cursor that
 * leaves the API is therefore this codec's token of the id; every `after` is decoded here.
 *
 * A token is one AES-256 block (ECB of a single block: a keyed permutation) holding the id
 * (8 bytes, big-endian) and 8 zero bytes, in base64url (22 characters). Decrypting a token that
 * this deployment did not make gives a random block, whose last 8 bytes are zero with
 * probability 2^-64: a garbled, forged or other deployment's token is recognised and answered
 * as a cursor that names no event. The same id always gives the same token (clients skip
 * repeats by equality, and one payload serves every subscriber); the token reveals nothing
 * else, not even which of two ids is larger.
 *
 * The key is HKDF-SHA256 of the identity master key with info `aduan/live-cursor/v1`, so every
 * API instance of a deployment reads the others' tokens and none of another deployment's.
 *
 * The same construction, under its own label, hides any other platform-wide sequence a client
 * would otherwise see (`createOpaqueIdCodec`): the audit log's entry ids and page cursors.
 */
import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from 'node:crypto';

const INFO = 'aduan/live-cursor/v1';
const KEY_BYTES = 32;
const BLOCK_BYTES = 16;
const CHECK = Buffer.alloc(8);
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const ID = /^(0|[1-9][0-9]{0,18})$/;
const MAX_ID = 2n ** 63n - 1n;

/**
 * What an unreadable token stands for inside the API: an id no event has (ids start at 1), so
 * the feed answers it as it answers any cursor naming no event, with one RELOAD signal.
 */
export const UNKNOWN_CURSOR = '0';

export interface OpaqueIdCodec {
  /** The token of an event id (decimal, as the feed gives it; `'0'` for "no event yet"). */
  encode(id: string): string;
  /** The event id in a token of this deployment, or null for anything else. */
  decode(token: string): string | null;
}

export type LiveCursorCodec = OpaqueIdCodec;

function deriveKey(masterKey: Buffer, info: string): KeyObject {
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_BYTES) throw new TypeError('the master key must be 32 bytes');
  return createSecretKey(Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, KEY_BYTES)));
}

export function createLiveCursorCodec(masterKey: Buffer): LiveCursorCodec {
  return createOpaqueIdCodec(masterKey, INFO);
}

/** Opaque tokens for the ids of one sequence; `info` names it (each its own key). */
export function createOpaqueIdCodec(masterKey: Buffer, info: string): OpaqueIdCodec {
  const key = deriveKey(masterKey, info);
  const crypt = (block: Buffer, direction: 'encrypt' | 'decrypt'): Buffer => {
    const cipher = direction === 'encrypt' ? createCipheriv('aes-256-ecb', key, null) : createDecipheriv('aes-256-ecb', key, null);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]);
  };
  return {
    encode(id) {
      if (!ID.test(id) || BigInt(id) > MAX_ID) throw new TypeError('a live cursor encodes an event id');
      const block = Buffer.alloc(BLOCK_BYTES);
      block.writeBigUInt64BE(BigInt(id), 0);
      return crypt(block, 'encrypt').toString('base64url');
    },
    decode(token) {
      if (typeof token !== 'string' || !TOKEN.test(token)) return null;
      const bytes = Buffer.from(token, 'base64url');
      // 22 characters carry 132 bits: only the canonical spelling of the 16 bytes is a token.
      if (bytes.length !== BLOCK_BYTES || bytes.toString('base64url') !== token) return null;
      const block = crypt(bytes, 'decrypt');
      if (!timingSafeEqual(block.subarray(8), CHECK)) return null;
      const id = block.readBigUInt64BE(0);
      return id > MAX_ID ? null : id.toString();
    },
  };
}
