import { describe, expect, it } from 'vitest';
import { describeTransition, findCaseCapabilities, type CaseCapabilities } from './case-capabilities.ts';
import { STAFF_TRANSITIONS, TRANSITIONS, type CaseStatus } from './case-lifecycle.ts';
import type { StaffRole } from '../auth/roles.ts';

const STATUSES: CaseStatus[] = ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP', 'ANSWERED', 'CLOSED', 'REJECTED', 'TRANSFERRED'];
const AGENCY_ROLES: StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD'];
const ALL = { handle: true, restrict: true, reveal: true };

/** The capabilities that are true, as one line. */
function trueOf(capabilities: CaseCapabilities): string {
  const { transitions, transitionOptions: _options, ...flags } = capabilities;
  return [
    ...transitions,
    ...Object.entries(flags)
      .filter(([, value]) => value)
      .map(([name]) => name),
  ].join(' ');
}

describe('what staff may do on a case', () => {
  // The whole table for a case they may handle with a sealed identity (and, in follow-up, a
  // submitted answer), so a change to who may do what shows up here in review.
  it('follows the state machine and the answer rules, role by role', () => {
    const table: string[] = [];
    for (const status of STATUSES) {
      for (const role of AGENCY_ROLES) {
        table.push(
          `${status} ${role}: ${trueOf(findCaseCapabilities({ status, hasSubmittedAnswer: status === 'IN_FOLLOW_UP', sealedIdentity: true }, [role], { ...ALL, restrict: role === 'AGENCY_HEAD', reveal: false }))}`,
        );
      }
    }
    expect(table).toMatchInlineSnapshot(`
      [
        "SUBMITTED VERIFIER: TAKE_FOR_VERIFICATION REQUEST_INFO ACCEPT REJECT handle transfer addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "SUBMITTED REVIEWER: handle addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "SUBMITTED AGENCY_HEAD: REJECT handle transfer addNote sendMessage setPriority restrict declareConflict recordColleagueConflict requestReveal",
        "IN_VERIFICATION VERIFIER: REQUEST_INFO ACCEPT REJECT handle transfer addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "IN_VERIFICATION REVIEWER: handle addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "IN_VERIFICATION AGENCY_HEAD: REJECT handle transfer addNote sendMessage setPriority restrict declareConflict recordColleagueConflict requestReveal",
        "NEEDS_INFO VERIFIER: handle addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "NEEDS_INFO REVIEWER: handle addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "NEEDS_INFO AGENCY_HEAD: handle addNote sendMessage setPriority restrict declareConflict recordColleagueConflict requestReveal",
        "ACCEPTED VERIFIER: handle transfer addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "ACCEPTED REVIEWER: START_FOLLOW_UP handle addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "ACCEPTED AGENCY_HEAD: handle transfer addNote sendMessage setPriority restrict declareConflict recordColleagueConflict requestReveal",
        "IN_FOLLOW_UP VERIFIER: handle transfer addNote sendMessage setPriority declareConflict recordColleagueConflict requestReveal",
        "IN_FOLLOW_UP REVIEWER: REQUEST_INFO handle addNote sendMessage setPriority draftAnswer declareConflict recordColleagueConflict requestReveal",
        "IN_FOLLOW_UP AGENCY_HEAD: APPROVE_ANSWER handle transfer addNote sendMessage setPriority draftAnswer approveAnswer returnAnswer restrict declareConflict recordColleagueConflict requestReveal",
        "ANSWERED VERIFIER: handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "ANSWERED REVIEWER: CLOSE handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "ANSWERED AGENCY_HEAD: CLOSE handle addNote setPriority restrict declareConflict recordColleagueConflict requestReveal",
        "CLOSED VERIFIER: handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "CLOSED REVIEWER: handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "CLOSED AGENCY_HEAD: handle addNote setPriority restrict declareConflict recordColleagueConflict requestReveal",
        "REJECTED VERIFIER: handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "REJECTED REVIEWER: handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "REJECTED AGENCY_HEAD: handle addNote setPriority restrict declareConflict recordColleagueConflict requestReveal",
        "TRANSFERRED VERIFIER: handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "TRANSFERRED REVIEWER: handle addNote setPriority declareConflict recordColleagueConflict requestReveal",
        "TRANSFERRED AGENCY_HEAD: handle addNote setPriority restrict declareConflict recordColleagueConflict requestReveal",
      ]
    `);
  });

  it('offers nothing at all on a case the viewer may only read: read-only roles write nothing on it', () => {
    for (const status of STATUSES) {
      const capabilities = findCaseCapabilities({ status, hasSubmittedAnswer: true, sealedIdentity: true }, ['AGENCY_HEAD', 'VERIFIER', 'REVIEWER'], {
        handle: false,
        restrict: false,
        reveal: false,
      });
      expect(trueOf(capabilities), status).toBe('');
    }
  });

  it('approves and returns only a submitted answer', () => {
    const facts = { status: 'IN_FOLLOW_UP' as const, hasSubmittedAnswer: false, sealedIdentity: false };
    const head = findCaseCapabilities(facts, ['AGENCY_HEAD'], ALL);
    expect(head).toMatchObject({ approveAnswer: false, returnAnswer: false, draftAnswer: true });
    expect(head.transitions).not.toContain('APPROVE_ANSWER');
    const submitted = findCaseCapabilities({ ...facts, hasSubmittedAnswer: true }, ['AGENCY_HEAD'], ALL);
    expect(submitted).toMatchObject({ approveAnswer: true, returnAnswer: true });
    expect(submitted.transitions).toContain('APPROVE_ANSWER');
  });

  it('reveals and asks for a reveal only of a sealed identity', () => {
    const custodian = (sealedIdentity: boolean) =>
      findCaseCapabilities({ status: 'SUBMITTED', hasSubmittedAnswer: false, sealedIdentity }, ['IDENTITY_CUSTODIAN'], {
        handle: false,
        restrict: false,
        reveal: true,
      });
    expect(custodian(true)).toMatchObject({ reveal: true, requestReveal: false });
    expect(custodian(false)).toMatchObject({ reveal: false });
    const verifier = (sealedIdentity: boolean) =>
      findCaseCapabilities({ status: 'SUBMITTED', hasSubmittedAnswer: false, sealedIdentity }, ['VERIFIER'], { handle: true, restrict: false, reveal: false });
    expect(verifier(true).requestReveal).toBe(true);
    expect(verifier(false).requestReveal).toBe(false);
  });

  it("tells the console what each transition's form needs, from the lifecycle table alone", () => {
    const can = findCaseCapabilities({ status: 'IN_VERIFICATION', hasSubmittedAnswer: false, sealedIdentity: false }, ['VERIFIER'], ALL);
    expect(can.transitionOptions.map((option) => option.transition)).toEqual(can.transitions);
    expect(can.transitionOptions).toEqual([
      { transition: 'REQUEST_INFO', reasonRequired: true, leadsTo: 'NEEDS_INFO', reasonTemplate: 'REQUEST_INFO' },
      { transition: 'ACCEPT', reasonRequired: false, leadsTo: 'ACCEPTED', reasonTemplate: null },
      { transition: 'REJECT', reasonRequired: true, leadsTo: 'REJECTED', reasonTemplate: 'REJECT' },
    ]);
    // Every staff transition the table has is described the same way.
    for (const name of STAFF_TRANSITIONS) {
      const rule = TRANSITIONS[name];
      expect(describeTransition(name)).toEqual({
        transition: name,
        reasonRequired: rule.reasonRequired,
        leadsTo: rule.to === 'resume' ? null : rule.to,
        reasonTemplate: rule.reasonTemplate ?? null,
      });
    }
  });
});
