import { describe, expect, it } from 'vitest';
import { mailsFor, staffMailKindsFor } from './notification-rules.ts';

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

  it('tells the reporter of a transfer, a coming silence closure and an escalation', () => {
    expect(mailsFor(event({ transition: 'TRANSFER' }))).toEqual([{ kind: 'REPORTER_TRANSFERRED', audience: 'reporter' }]);
    expect(mailsFor(event({ kind: 'SILENCE_NOTICE', actorKind: 'SYSTEM' }))).toEqual([{ kind: 'REPORTER_SILENCE_WARNING', audience: 'reporter' }]);
    expect(mailsFor(event({ kind: 'ESCALATED', actorKind: 'SYSTEM' }))).toEqual([
      { kind: 'REPORTER_ESCALATED', audience: 'reporter' },
      { kind: 'STAFF_ESCALATED', audience: 'agency-head' },
      { kind: 'STAFF_ESCALATED', audience: 'secretariat' },
    ]);
  });

  it('tells staff of new cases, reminders and an answer to approve', () => {
    for (const kind of ['SUBMITTED', 'RECORDED_OFFLINE', 'TRANSFERRED_IN']) {
      expect(mailsFor(event({ kind, actorKind: 'REPORTER' }))).toEqual([{ kind: 'STAFF_NEW_CASE', audience: 'case-staff' }]);
    }
    expect(mailsFor(event({ kind: 'REMINDER_SENT', visibility: 'INTERNAL' }))).toEqual([{ kind: 'STAFF_DEADLINE_REMINDER', audience: 'case-staff' }]);
    expect(mailsFor(event({ kind: 'ANSWER_DRAFTED', visibility: 'INTERNAL', submitted: true }))).toEqual([
      { kind: 'STAFF_ANSWER_TO_APPROVE', audience: 'agency-head' },
    ]);
    expect(mailsFor(event({ kind: 'ANSWER_DRAFTED', visibility: 'INTERNAL', submitted: false }))).toEqual([]);
  });

  it('sends nothing for other transitions', () => {
    expect(mailsFor(event({ transition: 'TAKE_FOR_VERIFICATION' }))).toEqual([]);
  });
});

describe('staffMailKindsFor', () => {
  it('offers each role the mails the rules send it, in one order', () => {
    expect(staffMailKindsFor(['VERIFIER'])).toEqual(['STAFF_NEW_CASE', 'STAFF_REPORTER_REPLIED', 'STAFF_DEADLINE_REMINDER']);
    expect(staffMailKindsFor(['PROVINCIAL_SECRETARIAT'])).toEqual(['STAFF_ESCALATED']);
    expect(staffMailKindsFor(['REVIEWER', 'AGENCY_HEAD'])).toEqual([
      'STAFF_REPORTER_REPLIED',
      'STAFF_DEADLINE_REMINDER',
      'STAFF_ESCALATED',
      'STAFF_ANSWER_TO_APPROVE',
    ]);
    expect(staffMailKindsFor(['TENANT_ADMIN', 'IDENTITY_CUSTODIAN'])).toEqual([]);
  });
});
