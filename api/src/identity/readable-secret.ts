/**
 * Secrets people write down (recovery keys, tracking codes): 160 random bits as 32
 * Crockford base32 symbols in groups of four, `ABCD-EFGH-…`, with no look-alike letters.
 */
import { randomBytes } from 'node:crypto';

export const READABLE_SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_BYTES = 20;
const GROUP = 4;

export function createReadableSecret(): string {
  const bytes = randomBytes(SECRET_BYTES);
  let bits = 0;
  let value = 0;
  let symbols = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      symbols += READABLE_SECRET_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  bytes.fill(0);
  return symbols.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}
