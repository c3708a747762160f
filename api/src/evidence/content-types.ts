/**
 * The closed list of evidence file types, decided by content (file-type's magic-number
 * detection), never by the name or the Content-Type a client claims.
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Our content type → the extension a stored file gets. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  [DOCX]: 'docx',
  [XLSX]: 'xlsx',
  [PPTX]: 'pptx',
};

export const EVIDENCE_CONTENT_TYPES: readonly string[] = Object.freeze(Object.keys(EXTENSIONS));

/**
 * file-type's MIME names that are one of ours under another name. Only variants of the same
 * container and codec family: an animated PNG is still a PNG, a HEIF still image is what
 * phones save as .heic, an Opus voice note (WhatsApp) is Ogg audio, M4A/M4B are MP4 audio.
 * Sequences (image/heif-sequence), Ogg video and bare application/ogg stay out.
 */
const DETECTED_ALIASES: Readonly<Record<string, string>> = {
  'image/apng': 'image/png',
  'image/heif': 'image/heic',
  'video/x-m4v': 'video/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/ogg; codecs=opus': 'audio/ogg',
};

/** The extension for one of EVIDENCE_CONTENT_TYPES; throws for anything else (a caller bug). */
export function extensionFor(contentType: string): string {
  const extension = Object.hasOwn(EXTENSIONS, contentType) ? EXTENSIONS[contentType] : undefined;
  if (extension === undefined) {
    throw new TypeError(`not an evidence content type: ${contentType}`);
  }
  return extension;
}

/** Maps a MIME type reported by file-type to one of ours, or undefined when it is not one. */
export function findEvidenceContentType(detectedMime: string): string | undefined {
  const mime = detectedMime.trim().toLowerCase();
  const canonical = Object.hasOwn(DETECTED_ALIASES, mime) ? DETECTED_ALIASES[mime] : mime;
  return canonical !== undefined && Object.hasOwn(EXTENSIONS, canonical) ? canonical : undefined;
}
