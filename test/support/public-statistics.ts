/**
 * A dataset for the public statistics whose every figure is known, written with Prisma before the
 * API starts (its figures pass then computes the figures from the cases and their events).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '@aduan/api/db.ts';

export const KALBAR = 'inspektorat-kalbar';
export const BONTANG = 'inspektorat-bontang';

let sequence = 0;
type Step = { at: string; transition: string; status: string };

/** A case received at `received` (UTC) through `steps` of staff, written as the API would. */
async function caseWith(
  db: Database,
  ids: { tenantId: string; caseTypeId: string; categoryId: string | null; channelId: string | null },
  received: string,
  steps: Step[] = [],
) {
  sequence += 1;
  const id = randomUUID();
  const number = `TPUB-${received.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
  await db.prisma.case.create({
    data: {
      id,
      ...ids,
      registrationNumber: number,
      year: Number(received.slice(0, 4)),
      sequence: 900_000 + sequence,
      identityMode: 'ANONYMOUS',
      identityProtection: 'NONE',
      trackingCodeHash: number,
      title: 'Uji statistik publik',
      answers: {},
      locale: 'id',
      receivedAt: new Date(received),
      deadlines: [],
      status: (steps.at(-1)?.status ?? 'SUBMITTED') as never,
    },
  });
  const base = { tenantId: ids.tenantId, caseId: id, data: {} };
  await db.prisma.caseEvent.create({
    data: { ...base, kind: 'SUBMITTED', actorKind: 'REPORTER', visibility: 'REPORTER', status: 'SUBMITTED', createdAt: new Date(received) },
  });
  for (const step of steps) {
    await db.prisma.caseEvent.create({
      data: {
        ...base,
        kind: 'STATUS_CHANGED',
        actorKind: 'STAFF',
        visibility: 'REPORTER',
        status: step.status as never,
        data: { transition: step.transition },
        createdAt: new Date(step.at),
      },
    });
  }
}

/**
 * Inspektorat Kalbar (WIB), 2026: 6 complaints on corruption through the portal in March (5
 * answered after 1, 2, 3, 4 and 5 working days, one still in verification), 5 complaints on
 * illegal levies by WhatsApp in April, and 5 whistleblowing reports (confidential) in May.
 * Bontang (WITA), all confidential: 3 reports in February 2026, 4 in May, 2 in 2025.
 */
export async function seedPublicStatistics(db: Database) {
  const tenant = (slug: string) => db.prisma.tenant.findUniqueOrThrow({ where: { slug } });
  const kalbar = await tenant(KALBAR);
  const bontang = await tenant(BONTANG);
  const of = async (tenantId: string, caseType: string, category: string | null, channel: string) => ({
    tenantId,
    caseTypeId: (await db.prisma.caseType.findFirstOrThrow({ where: { tenantId, key: caseType } })).id,
    categoryId: category ? (await db.prisma.category.findFirstOrThrow({ where: { tenantId, key: category } })).id : null,
    channelId: (await db.prisma.channel.findFirstOrThrow({ where: { tenantId, key: channel } })).id,
  });
  const corruption = await of(kalbar.id, 'complaint', 'korupsi', 'web-portal');
  // Received Monday 2 March 2026, 09:00 WIB; taken the same day; answered 1..5 working days on.
  const answeredOn = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'];
  for (const day of answeredOn) {
    await caseWith(db, corruption, '2026-03-02T02:00:00Z', [
      { at: '2026-03-02T05:00:00Z', transition: 'TAKE_FOR_VERIFICATION', status: 'IN_VERIFICATION' },
      { at: `${day}T02:00:00Z`, transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
    ]);
  }
  await caseWith(db, corruption, '2026-03-02T02:00:00Z', [{ at: '2026-03-02T05:00:00Z', transition: 'TAKE_FOR_VERIFICATION', status: 'IN_VERIFICATION' }]);
  const levies = await of(kalbar.id, 'complaint', 'pungutan-liar', 'whatsapp');
  for (let index = 0; index < 5; index += 1) await caseWith(db, levies, `2026-04-0${index + 1}T03:00:00Z`);
  const whistle = await of(kalbar.id, 'whistleblowing', 'korupsi', 'web-portal');
  for (let index = 0; index < 5; index += 1) await caseWith(db, whistle, `2026-05-1${index}T03:00:00Z`);

  const bontangWhistle = await of(bontang.id, 'whistleblowing', 'korupsi', 'web-portal');
  const bontangGift = await of(bontang.id, 'gratification', 'gratifikasi', 'web-portal');
  for (let index = 0; index < 3; index += 1) await caseWith(db, bontangWhistle, `2026-02-1${index}T01:00:00Z`);
  for (let index = 0; index < 4; index += 1) await caseWith(db, bontangGift, `2026-05-0${index + 1}T01:00:00Z`);
  // 31 December 2025, 23:30 WITA: still 2025 in Bontang.
  await caseWith(db, bontangWhistle, '2025-12-31T15:30:00Z');
  await caseWith(db, bontangWhistle, '2025-06-01T01:00:00Z');
}
