/**
 * One case's figures (docs/statistics.md), from hand-built cases and event logs whose figures
 * are worked out by hand below, on a hand-built calendar: the 2026 collective leave around
 * Nyepi and Idul Fitri (Wednesday 18 to Tuesday 24 March: one working day, Monday 16 and
 * Tuesday 17, then Wednesday 25) and Good Friday (3 April). Times are written in the agency's
 * zone (`wib('…')`, `wita('…')`).
 */
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../sla/working-days.ts';
import { calendarDaysBetween, computeCaseFigure, monthOf, type FigureCaseInput, type FigureCaseType, type FigureEventInput } from './case-figure.ts';

const HOLIDAYS = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-04-03'];
const calendarIn = (timeZone: string) =>
  createWorkingCalendar({ timeZone, nationalDays: HOLIDAYS.map((date) => ({ date })), tenantDaysOff: [], knownYears: [2026] });
const WIB = calendarIn('Asia/Pontianak');
const WITA = calendarIn('Asia/Makassar');

const wib = (local: string) => new Date(`${local}+07:00`);
const wita = (local: string) => new Date(`${local}+08:00`);

const TWO_STAGES: FigureCaseType = {
  confidential: false,
  stages: [
    { key: 'verification', workingDays: 3 },
    { key: 'follow-up', workingDays: 5 },
  ],
};
const ONE_STAGE: FigureCaseType = { confidential: true, stages: [{ key: 'verification', workingDays: 3 }] };
const NO_POLICY: FigureCaseType = { confidential: false, stages: [] };

function kase(receivedAt: Date, extra: Partial<FigureCaseInput> = {}): FigureCaseInput {
  return {
    id: 'case-1',
    tenantId: 'tenant-1',
    caseTypeId: 'type-1',
    categoryId: 'category-1',
    channelId: null,
    receivedAt,
    status: 'SUBMITTED',
    transferredFromId: null,
    deadlines: [],
    ...extra,
  };
}

type Actor = FigureEventInput['actorKind'];
const event = (
  at: Date,
  kind: string,
  actorKind: Actor,
  visibility: FigureEventInput['visibility'] = 'REPORTER',
  transition: string | null = null,
): FigureEventInput => ({
  kind,
  actorKind,
  visibility,
  createdAt: at,
  transition,
});
/** A transition as the workflow writes it (STATUS_CHANGED, visible to the reporter). */
const move = (at: Date, transition: string, actorKind: Actor = 'STAFF') => event(at, 'STATUS_CHANGED', actorKind, 'REPORTER', transition);
const submitted = (at: Date) => event(at, 'SUBMITTED', 'REPORTER');

function figureOf(input: FigureCaseInput, events: FigureEventInput[], caseType: FigureCaseType = TWO_STAGES, calendar = WIB) {
  return computeCaseFigure({ case: input, events, caseType }, calendar);
}

/** The whole way to the answer, for a received instant and the answer's instant. */
function answeredAt(received: Date, answered: Date, caseType = TWO_STAGES, between: FigureEventInput[] = []) {
  return figureOf(
    kase(received, { status: 'ANSWERED' }),
    [
      submitted(received),
      move(received, 'TAKE_FOR_VERIFICATION'),
      move(received, 'ACCEPT'),
      move(received, 'START_FOLLOW_UP'),
      ...between,
      move(answered, 'APPROVE_ANSWER'),
    ],
    caseType,
  );
}

describe('first response', () => {
  const received = wib('2026-11-02T09:00:00'); // Monday

  it('is the first staff event the reporter sees: a status change or a message', () => {
    const taken = figureOf(kase(received), [
      submitted(received),
      move(wib('2026-11-03T10:00:00'), 'TAKE_FOR_VERIFICATION'),
      event(wib('2026-11-04T10:00:00'), 'MESSAGE', 'STAFF'),
    ]);
    expect(taken.figure).toMatchObject({ firstResponseAt: wib('2026-11-03T10:00:00'), firstResponseWorkingDays: 1, firstResponseDays: 1 });
    const message = figureOf(kase(received), [
      submitted(received),
      event(wib('2026-11-02T15:00:00'), 'MESSAGE', 'STAFF'),
      move(wib('2026-11-03T10:00:00'), 'TAKE_FOR_VERIFICATION'),
    ]);
    expect(message.figure).toMatchObject({ firstResponseAt: wib('2026-11-02T15:00:00'), firstResponseWorkingDays: 0, firstResponseDays: 0.3 });
  });

  it('is the earliest such event whatever order the log is read in', () => {
    const { figure } = figureOf(kase(received), [move(wib('2026-11-05T10:00:00'), 'ACCEPT'), move(wib('2026-11-04T10:00:00'), 'TAKE_FOR_VERIFICATION')]);
    expect(figure.firstResponseAt).toEqual(wib('2026-11-04T10:00:00'));
  });

  const later = move(wib('2026-11-05T10:00:00'), 'TAKE_FOR_VERIFICATION');
  it.each([
    ['the reporter', event(wib('2026-11-03T10:00:00'), 'MESSAGE', 'REPORTER')],
    ['an automatic event', event(wib('2026-11-03T10:00:00'), 'MESSAGE', 'SYSTEM')],
    ['an automatic status change', move(wib('2026-11-03T10:00:00'), 'TAKE_FOR_VERIFICATION', 'SYSTEM')],
    ['an internal staff event', event(wib('2026-11-03T10:00:00'), 'STATUS_CHANGED', 'STAFF', 'INTERNAL', 'TAKE_FOR_VERIFICATION')],
    ['an internal staff message', event(wib('2026-11-03T10:00:00'), 'MESSAGE', 'STAFF', 'INTERNAL')],
    ['a staff event of another kind', event(wib('2026-11-03T10:00:00'), 'RECORDED_OFFLINE', 'STAFF')],
    ['an escalation', event(wib('2026-11-03T10:00:00'), 'ESCALATED', 'SYSTEM')],
  ])('is not %s', (_what, early) => {
    const { figure } = figureOf(kase(received), [submitted(received), early, later]);
    expect(figure.firstResponseAt).toEqual(later.createdAt);
    expect(figure.firstResponseWorkingDays).toBe(3);
  });

  it('is null while staff have told the reporter nothing', () => {
    const { figure } = figureOf(kase(received), [submitted(received), event(wib('2026-11-03T10:00:00'), 'MESSAGE', 'REPORTER')]);
    expect(figure).toMatchObject({ firstResponseAt: null, firstResponseWorkingDays: null, firstResponseDays: null, outcome: 'OPEN' });
  });
});

describe('working days, by the stage rule', () => {
  it.each([
    ['the same day', wib('2026-11-02T08:00:00'), wib('2026-11-02T23:59:00'), 0],
    ['the next working day', wib('2026-11-02T23:00:00'), wib('2026-11-03T01:00:00'), 1],
    ['Friday to Monday', wib('2026-11-06T16:00:00'), wib('2026-11-09T08:00:00'), 1],
    ['received on a Saturday, answered Monday', wib('2026-11-07T10:00:00'), wib('2026-11-09T10:00:00'), 1],
    ['received on a Saturday, answered Sunday', wib('2026-11-07T10:00:00'), wib('2026-11-08T10:00:00'), 0],
    ['over the holiday week', wib('2026-03-17T09:00:00'), wib('2026-03-25T09:00:00'), 1],
    ['into the holiday week', wib('2026-03-16T09:00:00'), wib('2026-03-20T09:00:00'), 1],
    ['a fortnight', wib('2026-11-02T09:00:00'), wib('2026-11-16T09:00:00'), 10],
  ])('%s', (_what, from, to, days) => {
    expect(answeredAt(from, to).figure.resolveWorkingDays).toBe(days);
  });

  it("count local dates: the day turns at the agency's midnight, not UTC's", () => {
    // 16:30Z is 23:30 Monday in WIB and already 00:30 Tuesday in WITA.
    const received = new Date('2026-11-02T16:30:00Z');
    const answered = new Date('2026-11-03T02:00:00Z'); // Tuesday in both
    expect(answeredAt(received, answered).figure.resolveWorkingDays).toBe(1);
    const inWita = computeCaseFigure({ case: kase(received, { status: 'ANSWERED' }), events: [move(answered, 'APPROVE_ANSWER')], caseType: TWO_STAGES }, WITA);
    expect(inWita.figure.resolveWorkingDays).toBe(0);
  });

  it('leave out the working days the case waited for the reporter, but not from the calendar days', () => {
    // Monday 2 to Monday 16 November: 10 working days; waiting Wednesday 4 to Monday 9 (3
    // working days: 5, 6, 9) and Tuesday 10 to Thursday 12 (2: 11, 12): 5 left.
    const pauses = [
      move(wib('2026-11-04T10:00:00'), 'REQUEST_INFO'),
      move(wib('2026-11-09T10:00:00'), 'RECEIVE_INFO', 'REPORTER'),
      move(wib('2026-11-10T10:00:00'), 'REQUEST_INFO'),
      move(wib('2026-11-12T10:00:00'), 'RECEIVE_INFO', 'REPORTER'),
    ];
    const { figure } = answeredAt(wib('2026-11-02T09:00:00'), wib('2026-11-16T09:00:00'), TWO_STAGES, pauses);
    expect(figure).toMatchObject({ resolveWorkingDays: 5, resolveDays: 14, withinStandard: true });
  });

  it('leave out a pause over the holiday week by its working days only', () => {
    // Received Monday 16 March; waiting from Tuesday 17 to Thursday 26 March: 2 working days
    // (25, 26). Answered Friday 27: 17, 25, 26, 27 = 4 working days, less 2.
    const pause = [move(wib('2026-03-17T10:00:00'), 'REQUEST_INFO'), move(wib('2026-03-26T10:00:00'), 'RECEIVE_INFO', 'REPORTER')];
    const { figure } = answeredAt(wib('2026-03-16T09:00:00'), wib('2026-03-27T09:00:00'), TWO_STAGES, pause);
    expect(figure).toMatchObject({ resolveWorkingDays: 2, resolveDays: 11 });
  });

  it('count a question as the first response: the wait it starts comes after it', () => {
    const received = wib('2026-11-02T09:00:00');
    const { figure } = figureOf(kase(received), [
      move(wib('2026-11-02T10:00:00'), 'REQUEST_INFO'),
      move(wib('2026-11-09T10:00:00'), 'RECEIVE_INFO', 'REPORTER'),
    ]);
    expect(figure).toMatchObject({ firstResponseAt: wib('2026-11-02T10:00:00'), firstResponseWorkingDays: 0 });
  });
});

describe('calendar days', () => {
  it('are the elapsed time to 0.1 day, pauses included', () => {
    expect(calendarDaysBetween(wib('2026-10-31T23:30:00'), wib('2026-11-02T09:00:00'))).toBe(1.4);
    expect(calendarDaysBetween(wib('2026-11-02T09:00:00'), wib('2026-11-02T10:00:00'))).toBe(0);
    expect(calendarDaysBetween(wib('2026-11-02T09:00:00'), wib('2026-11-02T11:00:00'))).toBe(0.1);
    expect(calendarDaysBetween(wib('2026-11-02T09:00:00'), wib('2026-11-09T09:00:00'))).toBe(7);
    expect(calendarDaysBetween(wib('2026-11-09T09:00:00'), wib('2026-11-02T09:00:00'))).toBe(0);
  });
});

describe('resolution and outcome', () => {
  const received = wib('2026-11-02T09:00:00');
  const taken = move(wib('2026-11-02T10:00:00'), 'TAKE_FOR_VERIFICATION');

  it('is the approval of the answer; a later closure does not move it', () => {
    const { figure } = figureOf(kase(received, { status: 'CLOSED' }), [
      taken,
      move(wib('2026-11-03T10:00:00'), 'ACCEPT'),
      move(wib('2026-11-03T11:00:00'), 'START_FOLLOW_UP'),
      move(wib('2026-11-05T09:00:00'), 'APPROVE_ANSWER'),
      move(wib('2026-11-20T09:00:00'), 'CLOSE'),
    ]);
    expect(figure).toMatchObject({
      status: 'CLOSED',
      outcome: 'ANSWERED',
      resolvedAt: wib('2026-11-05T09:00:00'),
      resolveWorkingDays: 3,
      resolveDays: 3,
      standardWorkingDays: 8,
      withinStandard: true,
    });
  });

  it.each([
    ['REJECT', 'REJECTED', 'REJECTED'],
    ['TRANSFER', 'TRANSFERRED', 'TRANSFERRED'],
  ] as const)('%s is an outcome of its own, not a resolution', (transition, status, outcome) => {
    const { figure } = figureOf(kase(received, { status }), [taken, move(wib('2026-11-03T10:00:00'), transition)]);
    expect(figure).toMatchObject({ outcome, resolvedAt: null, resolveWorkingDays: null, resolveDays: null, withinStandard: null, standardWorkingDays: 8 });
  });

  it('a closure for silence is an outcome of its own, not a resolution', () => {
    const { figure } = figureOf(kase(received, { status: 'CLOSED' }), [
      taken,
      move(wib('2026-11-03T10:00:00'), 'REQUEST_INFO'),
      move(wib('2026-11-17T23:59:00'), 'CLOSE_FOR_SILENCE', 'SYSTEM'),
    ]);
    expect(figure).toMatchObject({ outcome: 'CLOSED_UNANSWERED', resolvedAt: null, resolveWorkingDays: null, withinStandard: null });
  });

  it('is OPEN while the case is handled', () => {
    const { figure } = figureOf(kase(received, { status: 'IN_FOLLOW_UP' }), [
      taken,
      move(wib('2026-11-03T10:00:00'), 'ACCEPT'),
      move(wib('2026-11-03T11:00:00'), 'START_FOLLOW_UP'),
    ]);
    expect(figure).toMatchObject({ outcome: 'OPEN', resolvedAt: null, withinStandard: null });
  });

  it('ignores status changes without a known transition', () => {
    const { figure } = figureOf(kase(received), [
      event(wib('2026-11-03T10:00:00'), 'STATUS_CHANGED', 'STAFF', 'REPORTER', null),
      move(wib('2026-11-03T11:00:00'), 'NOT_A_TRANSITION'),
    ]);
    expect(figure).toMatchObject({ outcome: 'OPEN', resolvedAt: null });
    expect(figure.firstResponseAt).toEqual(wib('2026-11-03T10:00:00'));
  });
});

describe('the service standard', () => {
  it("is the sum of the policy's stages; within means at most that many working days", () => {
    // Monday 2 November + 8 working days = Thursday 12; + 9 = Friday 13.
    expect(answeredAt(wib('2026-11-02T09:00:00'), wib('2026-11-12T20:00:00')).figure).toMatchObject({
      standardWorkingDays: 8,
      resolveWorkingDays: 8,
      withinStandard: true,
    });
    expect(answeredAt(wib('2026-11-02T09:00:00'), wib('2026-11-13T08:00:00')).figure).toMatchObject({
      standardWorkingDays: 8,
      resolveWorkingDays: 9,
      withinStandard: false,
    });
    expect(answeredAt(wib('2026-11-02T09:00:00'), wib('2026-11-06T08:00:00'), ONE_STAGE).figure).toMatchObject({
      standardWorkingDays: 3,
      resolveWorkingDays: 4,
      withinStandard: false,
    });
  });

  it('does not exist without a policy: neither within nor outside it', () => {
    const { figure, stages } = answeredAt(wib('2026-11-02T09:00:00'), wib('2026-11-03T09:00:00'), NO_POLICY);
    expect(figure).toMatchObject({ outcome: 'ANSWERED', resolveWorkingDays: 1, standardWorkingDays: null, withinStandard: null });
    expect(stages).toEqual([]);
  });
});

describe('stage records', () => {
  const received = wib('2026-11-02T09:00:00');
  // As the case stored them: verification by Thursday 5, follow-up by Monday 16 November (its
  // real deadline once started Friday 6 and moved by a pause of 2 working days).
  const deadlines = [
    { key: 'verification', name: { id: 'Verifikasi' }, workingDays: 3, deadline: wib('2026-11-05T23:59:59.999').toISOString(), provisional: false },
    { key: 'follow-up', name: { id: 'Tindak lanjut' }, workingDays: 5, deadline: wib('2026-11-16T23:59:59.999').toISOString(), provisional: false },
  ];

  it('end verification at the acceptance, which starts follow-up; the answer ends follow-up', () => {
    const { stages } = figureOf(kase(received, { status: 'ANSWERED', deadlines }), [
      move(wib('2026-11-02T10:00:00'), 'TAKE_FOR_VERIFICATION'),
      move(wib('2026-11-06T10:00:00'), 'ACCEPT'),
      move(wib('2026-11-06T11:00:00'), 'START_FOLLOW_UP'),
      move(wib('2026-11-09T10:00:00'), 'REQUEST_INFO'),
      move(wib('2026-11-11T10:00:00'), 'RECEIVE_INFO', 'REPORTER'),
      move(wib('2026-11-16T23:00:00'), 'APPROVE_ANSWER'),
      move(wib('2026-11-20T10:00:00'), 'CLOSE'),
    ]);
    // Received 2 November in WIB: the date ranges' day.
    const common = { caseId: 'case-1', tenantId: 'tenant-1', caseTypeId: 'type-1', receivedAt: received, receivedDate: new Date('2026-11-02T00:00:00.000Z') };
    expect(stages).toEqual([
      { ...common, stageKey: 'verification', startedAt: received, deadline: wib('2026-11-05T23:59:59.999'), endedAt: wib('2026-11-06T10:00:00'), late: true },
      {
        ...common,
        stageKey: 'follow-up',
        startedAt: wib('2026-11-06T10:00:00'),
        deadline: wib('2026-11-16T23:59:59.999'),
        endedAt: wib('2026-11-16T23:00:00'),
        late: false,
      },
    ]);
  });

  it('are on time when they end by the deadline, to the millisecond', () => {
    const { stages } = figureOf(kase(received, { deadlines }), [move(wib('2026-11-05T23:59:59.999'), 'ACCEPT')]);
    expect(stages).toMatchObject([{ stageKey: 'verification', late: false }]);
    const late = figureOf(kase(received, { deadlines }), [move(new Date(wib('2026-11-05T23:59:59.999').getTime() + 1), 'ACCEPT')]);
    expect(late.stages).toMatchObject([{ stageKey: 'verification', late: true }]);
  });

  it('end with a rejection or a transfer, and a running stage has no record', () => {
    expect(figureOf(kase(received, { deadlines }), [move(wib('2026-11-03T10:00:00'), 'REJECT')]).stages).toMatchObject([
      { stageKey: 'verification', endedAt: wib('2026-11-03T10:00:00'), late: false },
    ]);
    expect(
      figureOf(kase(received, { deadlines }), [move(wib('2026-11-03T10:00:00'), 'ACCEPT'), move(wib('2026-11-17T10:00:00'), 'TRANSFER')]).stages,
    ).toMatchObject([
      { stageKey: 'verification', late: false },
      { stageKey: 'follow-up', startedAt: wib('2026-11-03T10:00:00'), endedAt: wib('2026-11-17T10:00:00'), late: true },
    ]);
    expect(figureOf(kase(received, { deadlines }), [move(wib('2026-11-03T10:00:00'), 'TAKE_FOR_VERIFICATION')]).stages).toEqual([]);
    expect(figureOf(kase(received, { deadlines }), [move(wib('2026-11-03T10:00:00'), 'ACCEPT')]).stages).toHaveLength(1);
  });

  it('of a one-stage policy: the acceptance does not end the stage, the answer does', () => {
    const oneDeadline = [{ key: 'verification', deadline: wib('2026-11-05T23:59:59.999').toISOString() }];
    const { stages } = figureOf(
      kase(received, { status: 'ANSWERED', deadlines: oneDeadline }),
      [move(wib('2026-11-03T10:00:00'), 'ACCEPT'), move(wib('2026-11-03T11:00:00'), 'START_FOLLOW_UP'), move(wib('2026-11-09T10:00:00'), 'APPROVE_ANSWER')],
      ONE_STAGE,
    );
    expect(stages).toEqual([expect.objectContaining({ stageKey: 'verification', startedAt: received, endedAt: wib('2026-11-09T10:00:00'), late: true })]);
  });

  it('without a stored deadline: neither on time nor late, so not counted', () => {
    const { stages } = figureOf(kase(received, { deadlines: [{ key: 'verification', deadline: 'not a date' }] }), [move(wib('2026-11-30T10:00:00'), 'REJECT')]);
    expect(stages).toEqual([]);
  });

  it('ending while the case waits for the reporter (a closure for silence): late only if it was late when the wait began', () => {
    // The stored deadline is the one before the wait: the open wait keeps moving it, as on the case page.
    const silent = figureOf(kase(received, { status: 'CLOSED', deadlines }), [
      move(wib('2026-11-04T10:00:00'), 'REQUEST_INFO'),
      move(wib('2026-11-18T23:59:59.999'), 'CLOSE_FOR_SILENCE', 'SYSTEM'),
    ]);
    expect(silent.stages).toMatchObject([{ stageKey: 'verification', endedAt: wib('2026-11-18T23:59:59.999'), late: false }]);
    const alreadyLate = figureOf(kase(received, { status: 'CLOSED', deadlines }), [
      move(wib('2026-11-06T10:00:00'), 'REQUEST_INFO'),
      move(wib('2026-11-20T23:59:59.999'), 'CLOSE_FOR_SILENCE', 'SYSTEM'),
    ]);
    expect(alreadyLate.stages).toMatchObject([{ stageKey: 'verification', late: true }]);
  });
});

describe("month of receipt, in the agency's zone", () => {
  it('is the local month: 16:30Z on 31 October is still October in WIB and already November in WITA', () => {
    const received = new Date('2026-10-31T16:30:00Z');
    expect(figureOf(kase(received), [], TWO_STAGES, WIB).figure.receivedMonth).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(figureOf(kase(received), [], TWO_STAGES, WITA).figure.receivedMonth).toEqual(new Date('2026-11-01T00:00:00Z'));
    // An hour later it is November in both; on 31 December, the year turns too.
    expect(figureOf(kase(new Date('2026-10-31T17:30:00Z')), [], TWO_STAGES, WIB).figure.receivedMonth).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(monthOf(new Date('2026-12-31T16:30:00Z'), 'Asia/Makassar')).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(monthOf(new Date('2026-12-31T16:30:00Z'), 'Asia/Pontianak')).toEqual(new Date('2026-12-01T00:00:00Z'));
  });

  it('is the day of receipt in working days too', () => {
    // Received 00:30 Sunday 1 November WITA, answered Monday 2: 1 working day.
    const { figure } = computeCaseFigure(
      { case: kase(wita('2026-11-01T00:30:00'), { status: 'ANSWERED' }), events: [move(wita('2026-11-02T10:00:00'), 'APPROVE_ANSWER')], caseType: ONE_STAGE },
      WITA,
    );
    expect(figure).toMatchObject({ receivedMonth: new Date('2026-11-01T00:00:00Z'), resolveWorkingDays: 1, confidential: true });
  });
});

describe('escalation and transfers', () => {
  const received = wib('2026-11-02T09:00:00');

  it('escalated: an ESCALATED event, by whoever, whatever happened after', () => {
    expect(figureOf(kase(received), [move(wib('2026-11-03T10:00:00'), 'TAKE_FOR_VERIFICATION')]).figure.escalated).toBe(false);
    expect(figureOf(kase(received), [event(wib('2026-11-06T00:00:00'), 'ESCALATED', 'SYSTEM')]).figure.escalated).toBe(true);
    const answered = answeredAt(received, wib('2026-11-20T10:00:00'), TWO_STAGES, [event(wib('2026-11-06T00:00:00'), 'ESCALATED', 'REPORTER')]);
    expect(answered.figure).toMatchObject({ escalated: true, outcome: 'ANSWERED' });
  });

  it('transferredIn: a case received from another agency, counted from its own receipt', () => {
    const { figure } = figureOf(kase(received, { transferredFromId: 'case-0' }), [move(wib('2026-11-03T10:00:00'), 'TAKE_FOR_VERIFICATION')]);
    expect(figure).toMatchObject({ transferredIn: true, receivedAt: received, firstResponseWorkingDays: 1 });
    expect(figureOf(kase(received), []).figure.transferredIn).toBe(false);
  });

  it("carries the case's own columns", () => {
    const { figure } = figureOf(kase(received, { channelId: 'channel-1', status: 'IN_VERIFICATION' }), []);
    expect(figure).toMatchObject({
      caseId: 'case-1',
      tenantId: 'tenant-1',
      caseTypeId: 'type-1',
      categoryId: 'category-1',
      channelId: 'channel-1',
      confidential: false,
      status: 'IN_VERIFICATION',
      receivedAt: received,
    });
  });
});
