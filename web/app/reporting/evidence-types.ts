/**
 * The evidence types the API accepts (it decides by content, never by name): listed here
 * for the file picker's `accept` and for the words shown beside it. `evidence-types.test.ts`
 * keeps the list equal to the API's.
 */
export const EVIDENCE_TYPES = [
  { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  { contentType: 'image/png', extensions: ['.png'] },
  { contentType: 'image/webp', extensions: ['.webp'] },
  { contentType: 'image/heic', extensions: ['.heic', '.heif'] },
  { contentType: 'application/pdf', extensions: ['.pdf'] },
  { contentType: 'video/mp4', extensions: ['.mp4', '.m4v'] },
  { contentType: 'video/quicktime', extensions: ['.mov'] },
  { contentType: 'audio/mpeg', extensions: ['.mp3'] },
  { contentType: 'audio/mp4', extensions: ['.m4a'] },
  { contentType: 'audio/ogg', extensions: ['.ogg', '.opus'] },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'] },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'] },
  { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['.pptx'] },
] as const;

/** For `<input type="file" accept>`: types and extensions, so phones and desktops both filter. */
export const EVIDENCE_ACCEPT = EVIDENCE_TYPES.flatMap((type) => [type.contentType, ...type.extensions]).join(',');

/** "JPG, PNG, …" for people. */
export const EVIDENCE_TYPE_NAMES = EVIDENCE_TYPES.map((type) => type.extensions[0]!.slice(1).toUpperCase()).join(', ');
