/**
 * The name of an evidence file as people see it (lists, downloads). The stored object's
 * key never derives from it; this only keeps a reporter's name readable and harmless.
 */
import { EVIDENCE_CONTENT_TYPES, extensionFor } from './content-types.ts';

const MAX_LENGTH = 120;
const FALLBACK = 'berkas';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Strips directories, control and format characters (bidi overrides can disguise
 * `exe` as `gpj`), and anything but letters (any script), digits, space and `._()-`;
 * collapses whitespace; caps the result at 120 characters; swaps the extension for the
 * one of the detected content type. Never empty: falls back to "berkas".
 *
 * Before the content is known (`application/octet-stream`, or any type outside the
 * evidence list) the name keeps its own extension, sanitised like the rest; calling
 * again with the detected type replaces it.
 */
export function sanitizeFileName(name: string, contentType: string): string {
  let base = cleanText(name);
  const claimed = CLAIMED_EXTENSION.exec(base);
  // The claimed extension goes: the content decides the type. "v2.1" is not an extension.
  base = claimed ? base.slice(0, claimed.index) : base;
  const extension = EVIDENCE_CONTENT_TYPES.includes(contentType) ? extensionFor(contentType) : claimed?.[1]?.toLowerCase();
  // No hidden files (".htaccess") and no trailing dots, which Windows drops.
  base = base.replace(/^[ .]+|[ .]+$/g, '');
  const suffix = extension === undefined ? '' : `.${extension}`;
  base = truncate(base, MAX_LENGTH - [...suffix].length).replace(/[ .]+$/, '');
  if (!/[\p{L}\p{Nd}]/u.test(base)) {
    base = FALLBACK;
  }
  return `${base}${suffix}`;
}

const CLAIMED_EXTENSION = /\.((?=[\p{L}\p{Nd}]*\p{L})[\p{L}\p{Nd}]{1,10})$/u;

function cleanText(name: string): string {
  let text = name.normalize('NFC');
  text = text.slice(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
  return text
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .replace(/[^\p{L}\p{M}\p{Nd} ._()-]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** At most `max` code points, cut between graphemes so no letter loses its marks. */
function truncate(text: string, max: number): string {
  let result = '';
  let length = 0;
  for (const { segment } of graphemes.segment(text)) {
    const segmentLength = [...segment].length;
    if (length + segmentLength > max) {
      break;
    }
    result += segment;
    length += segmentLength;
  }
  return result;
}
