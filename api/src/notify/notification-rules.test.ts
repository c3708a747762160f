import { describe, expect, it } from 'vitest';
import { mailsFor } from './notification-rules.ts';

const event = (over: Partial<Parameters<typeof mailsFor>[0]>) => ({
  kind: 'STATUS_CHANGED',
  actorKind: 'STAFF',
  visibility: 'REPORTER',
  transition: null,
  ...over,
});

describe('mailsFor', () => {
  it('tells the reporter of a question and of an approved answer', () => {
    expect(mailsFor(event({ transition: 'REQUEST_INFO' }))).toEqual([{ kind: 'REPORTER_QUESTION', audience: 'reporter' }]);
    expect(mailsFor(event({ transition: 'APPROVE_ANSWER' }))).toEqual([{ kind: 'REPORTER_ANSWERED', audience: 'reporter' }]);
  });

  it('never tells the reporter of an event staff only see', () => {
    expect(mailsFor(event({ transition: 'REQUEST_INFO', visibility: 'INTERNAL' }))).toEqual([]);
  });

  it("tells the case's staff when the reporter writes, not when staff do", () => {
    expect(mailsFor(event({ kind: 'MESSAGE', actorKind: 'REPORTER' }))).toEqual([{ kind: 'STAFF_REPORTER_REPLIED', audience: 'case-staff' }]);
    expect(mailsFor(event({ kind: 'MESSAGE', actorKind: 'STAFF' }))).toEqual([]);
  });

  it('sends nothing for other transitions', () => {
    expect(mailsFor(event({ transition: 'TAKE_FOR_VERIFICATION' }))).toEqual([]);
  });
});
