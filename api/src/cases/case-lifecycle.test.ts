import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  availableTransitions,
  planTransition,
  STAFF_MADE_TRANSITIONS,
  STAFF_TRANSITIONS,
  TRANSITIONS,
  TRANSITION_NAMES,
  type CaseStatus,
} from './case-lifecycle.ts';
import type { StaffRole } from '../auth/roles.ts';

const STATUSES: CaseStatus[] = ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP', 'ANSWERED', 'CLOSED', 'REJECTED', 'TRANSFERRED'];
const ROLES: StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'TENANT_ADMIN', 'PROVINCIAL_SECRETARIAT', 'PLATFORM_OPERATOR'];

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'OK';
  } catch (error) {
    return error instanceof AppError ? error.code : 'THROWN';
  }
}

describe('the case state machine', () => {
  // The whole table, so a change to who may do what shows up here in review.
  it('allows exactly these staff transitions', () => {
    const allowed: string[] = [];
    for (const status of STATUSES) for (const role of ROLES) for (const name of availableTransitions(status, [role])) allowed.push(`${status} ${role} ${name}`);
    expect(allowed).toMatchInlineSnapshot(`
      [
        "SUBMITTED VERIFIER TAKE_FOR_VERIFICATION",
        "SUBMITTED VERIFIER REQUEST_INFO",
        "SUBMITTED VERIFIER ACCEPT",
        "SUBMITTED VERIFIER REJECT",
        "SUBMITTED VERIFIER TRANSFER",
        "SUBMITTED AGENCY_HEAD REJECT",
        "SUBMITTED AGENCY_HEAD TRANSFER",
        "IN_VERIFICATION VERIFIER REQUEST_INFO",
        "IN_VERIFICATION VERIFIER ACCEPT",
        "IN_VERIFICATION VERIFIER REJECT",
        "IN_VERIFICATION VERIFIER TRANSFER",
        "IN_VERIFICATION AGENCY_HEAD REJECT",
        "IN_VERIFICATION AGENCY_HEAD TRANSFER",
        "ACCEPTED VERIFIER TRANSFER",
        "ACCEPTED REVIEWER START_FOLLOW_UP",
        "ACCEPTED AGENCY_HEAD TRANSFER",
        "IN_FOLLOW_UP VERIFIER TRANSFER",
        "IN_FOLLOW_UP REVIEWER REQUEST_INFO",
        "IN_FOLLOW_UP AGENCY_HEAD APPROVE_ANSWER",
        "IN_FOLLOW_UP AGENCY_HEAD TRANSFER",
        "ANSWERED REVIEWER CLOSE",
        "ANSWERED AGENCY_HEAD CLOSE",
      ]
    `);
  });

  it('answers a transition from a wrong status with INVALID_TRANSITION and a forbidden actor with FORBIDDEN', () => {
    for (const name of TRANSITION_NAMES) {
      const rule = TRANSITIONS[name];
      const everyStaff = [...(rule.by.staff ?? []), ...Object.values(rule.staffByStatus ?? {}).flat()];
      const actor = rule.by.staff
        ? { kind: 'STAFF' as const, roles: everyStaff }
        : rule.by.reporter
          ? { kind: 'REPORTER' as const }
          : { kind: 'SYSTEM' as const };
      for (const status of STATUSES) {
        const code = codeOf(() => planTransition({ status, resumeStatus: 'IN_FOLLOW_UP' }, name, actor, 'alasan'));
        expect(code, `${name} from ${status}`).toBe(rule.from.includes(status) ? 'OK' : 'INVALID_TRANSITION');
      }
      expect(codeOf(() => planTransition({ status: rule.from[0]!, resumeStatus: null }, name, { kind: 'STAFF', roles: ['TENANT_ADMIN'] }, 'alasan'))).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('asks for a reason where the reporter must read one', () => {
    expect(codeOf(() => planTransition({ status: 'IN_VERIFICATION', resumeStatus: null }, 'REJECT', { kind: 'STAFF', roles: ['VERIFIER'] }, ' '))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => planTransition({ status: 'IN_VERIFICATION', resumeStatus: null }, 'REQUEST_INFO', { kind: 'STAFF', roles: ['VERIFIER'] }, null))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => planTransition({ status: 'SUBMITTED', resumeStatus: null }, 'TRANSFER', { kind: 'STAFF', roles: ['AGENCY_HEAD'] }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('returns a case to where it waited from when the reporter answers, and pauses/resumes the clock', () => {
    const ask = planTransition({ status: 'IN_FOLLOW_UP', resumeStatus: null }, 'REQUEST_INFO', { kind: 'STAFF', roles: ['REVIEWER'] }, 'Kapan?');
    expect(ask).toMatchObject({ to: 'NEEDS_INFO', clock: 'pause', visibility: 'REPORTER' });
    const back = planTransition({ status: 'NEEDS_INFO', resumeStatus: 'IN_FOLLOW_UP' }, 'RECEIVE_INFO', { kind: 'REPORTER' });
    expect(back).toMatchObject({ to: 'IN_FOLLOW_UP', clock: 'resume' });
    expect(
      codeOf(() => planTransition({ status: 'NEEDS_INFO', resumeStatus: 'IN_VERIFICATION' }, 'RECEIVE_INFO', { kind: 'STAFF', roles: ['AGENCY_HEAD'] })),
    ).toBe('FORBIDDEN');
  });

  it('lets only the sweep close a silent case', () => {
    expect(planTransition({ status: 'NEEDS_INFO', resumeStatus: 'IN_VERIFICATION' }, 'CLOSE_FOR_SILENCE', { kind: 'SYSTEM' })).toMatchObject({
      to: 'CLOSED',
      clock: 'end',
    });
    expect(codeOf(() => planTransition({ status: 'NEEDS_INFO', resumeStatus: null }, 'CLOSE_FOR_SILENCE', { kind: 'STAFF', roles: ROLES }))).toBe('FORBIDDEN');
  });

  // GraphQL's CaseTransition and StaffTransition are built from these lists.
  it('names the transitions staff make, and those made with transitionCase, from the table', () => {
    expect(STAFF_MADE_TRANSITIONS).toEqual([
      'TAKE_FOR_VERIFICATION',
      'REQUEST_INFO',
      'ACCEPT',
      'REJECT',
      'START_FOLLOW_UP',
      'APPROVE_ANSWER',
      'CLOSE',
      'TRANSFER',
    ]);
    expect(STAFF_TRANSITIONS).toEqual(STAFF_MADE_TRANSITIONS.filter((name) => name !== 'TRANSFER'));
  });
});
