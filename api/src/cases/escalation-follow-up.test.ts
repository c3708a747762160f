import { describe, expect, it } from 'vitest';
import { findFollowUpRefusal as refusalAt, followUpStateOf, type FollowUpFacts, type FollowUpStep } from './escalation-follow-up.ts';

const at = new Date('2026-11-20T03:00:00Z');
const now = new Date('2026-11-25T03:00:00Z');
const findFollowUpRefusal = (
  step: FollowUpStep,
  found: FollowUpFacts | null,
  status: Parameters<typeof refusalAt>[2],
  outcome?: Parameters<typeof refusalAt>[4],
) => refusalAt(step, found, status, now, outcome);
const facts = (extra: Partial<FollowUpFacts> = {}): FollowUpFacts => ({
  escalatedAt: at,
  escalationAcknowledgedAt: null,
  instructedAt: null,
  escalationConcludedAt: null,
  ...extra,
});

describe('the escalation follow-up', () => {
  it('reads its state from the case_sla row', () => {
    expect(followUpStateOf(null)).toBe('NOT_ESCALATED');
    expect(followUpStateOf(facts({ escalatedAt: null }))).toBe('NOT_ESCALATED');
    expect(followUpStateOf(facts())).toBe('ESCALATED');
    expect(followUpStateOf(facts({ escalationAcknowledgedAt: at }))).toBe('ACKNOWLEDGED');
    expect(followUpStateOf(facts({ escalationAcknowledgedAt: at, instructedAt: at }))).toBe('INSTRUCTED');
    expect(followUpStateOf(facts({ escalationAcknowledgedAt: at, escalationConcludedAt: at }))).toBe('CONCLUDED');
  });

  it('acknowledges only an escalated, unacknowledged case', () => {
    expect(findFollowUpRefusal('ACKNOWLEDGE', null, 'IN_VERIFICATION')).toBe('NOT_ESCALATED');
    expect(findFollowUpRefusal('ACKNOWLEDGE', facts(), 'IN_VERIFICATION')).toBeNull();
    expect(findFollowUpRefusal('ACKNOWLEDGE', facts({ escalationAcknowledgedAt: at }), 'IN_VERIFICATION')).toBe('ALREADY_ACKNOWLEDGED');
  });

  it('instructs after acknowledging, while the case is open, until the outcome', () => {
    expect(findFollowUpRefusal('INSTRUCT', facts(), 'IN_VERIFICATION')).toBe('NOT_ACKNOWLEDGED');
    expect(findFollowUpRefusal('INSTRUCT', facts({ escalationAcknowledgedAt: at }), 'IN_VERIFICATION')).toBeNull();
    expect(findFollowUpRefusal('INSTRUCT', facts({ escalationAcknowledgedAt: at, instructedAt: at, instructionDeadline: at }), 'IN_FOLLOW_UP')).toBeNull();
    const running = new Date('2026-11-26T16:59:59.999Z');
    expect(findFollowUpRefusal('INSTRUCT', facts({ escalationAcknowledgedAt: at, instructedAt: at, instructionDeadline: running }), 'IN_FOLLOW_UP')).toBe(
      'INSTRUCTION_RUNNING',
    );
    expect(findFollowUpRefusal('INSTRUCT', facts({ escalationAcknowledgedAt: at }), 'CLOSED')).toBe('CASE_NOT_OPEN');
    expect(findFollowUpRefusal('INSTRUCT', facts({ escalationAcknowledgedAt: at, escalationConcludedAt: at }), 'IN_FOLLOW_UP')).toBe('CONCLUDED');
  });

  it('records the outcome once, "not followed" only after an instruction', () => {
    expect(findFollowUpRefusal('RECORD_OUTCOME', facts(), 'CLOSED', 'RESOLVED_BY_AGENCY')).toBe('NOT_ACKNOWLEDGED');
    expect(findFollowUpRefusal('RECORD_OUTCOME', facts({ escalationAcknowledgedAt: at }), 'CLOSED', 'NOT_WARRANTED')).toBeNull();
    expect(findFollowUpRefusal('RECORD_OUTCOME', facts({ escalationAcknowledgedAt: at }), 'IN_FOLLOW_UP', 'INSTRUCTION_NOT_FOLLOWED')).toBe('NOT_INSTRUCTED');
    expect(
      findFollowUpRefusal('RECORD_OUTCOME', facts({ escalationAcknowledgedAt: at, instructedAt: at }), 'IN_FOLLOW_UP', 'INSTRUCTION_NOT_FOLLOWED'),
    ).toBeNull();
    expect(
      findFollowUpRefusal(
        'RECORD_OUTCOME',
        facts({ escalationAcknowledgedAt: at, instructedAt: at, escalationConcludedAt: at }),
        'CLOSED',
        'RESOLVED_BY_AGENCY',
      ),
    ).toBe('CONCLUDED');
  });
});
