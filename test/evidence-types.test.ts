/** The web's evidence picker and the API agree on the files a report may carry (checked here, where both packages are in reach). */
import { describe, expect, it } from 'vitest';
import { EVIDENCE_CONTENT_TYPES } from '@aduan/api/evidence/content-types.ts';
import { EVIDENCE_ACCEPT, EVIDENCE_TYPES } from '../web/app/reporting/evidence-types.ts';

describe('evidence types', () => {
  it('are exactly the ones the API accepts', () => {
    expect(EVIDENCE_TYPES.map((type) => type.contentType).sort()).toEqual([...EVIDENCE_CONTENT_TYPES].sort());
  });

  it('let the file picker filter by type and by extension', () => {
    expect(EVIDENCE_ACCEPT.split(',')).toEqual(expect.arrayContaining(['image/jpeg', '.jpg', '.heic', 'application/pdf']));
  });
});
