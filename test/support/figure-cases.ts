/**
 * Cases with a known history for tests of the figures (api/src/stats/): a case row and its
 * events written directly, as the lifecycle would have written them, at chosen instants. The
 * figures pass then computes their figures as for any case.
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../api/src/generated/prisma/client.ts';

export interface FigureStep {
  at: string;
  transition?: string;
  kind?: string;
  actor?: 'STAFF' | 'SYSTEM' | 'REPORTER';
  visibility?: 'REPORTER' | 'INTERNAL';
  status: string;
}

let sequence = 0;

/** A case received at `received` with the events `steps`, in the last step's status; returns its id and number. */
export async function writeCaseWithHistory(
  prisma: PrismaClient,
  input: {
    tenantId: string;
    caseTypeId: string;
    received: string;
    steps?: FigureStep[];
    deadlines?: unknown[];
    prefix?: string;
    categoryId?: string;
    channelId?: string;
  },
): Promise<{ id: string; registrationNumber: string }> {
  sequence += 1;
  const id = randomUUID();
  const registrationNumber = `${input.prefix ?? 'TFIG'}-2026-${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(4, '0')}`;
  const steps = input.steps ?? [];
  await prisma.case.create({
    data: {
      id,
      tenantId: input.tenantId,
      registrationNumber,
      year: 2026,
      sequence: 800_000 + (process.pid % 1000) * 10_000 + sequence,
      caseTypeId: input.caseTypeId,
      categoryId: input.categoryId ?? null,
      channelId: input.channelId ?? null,
      identityMode: 'ANONYMOUS',
      identityProtection: 'NONE',
      trackingCodeHash: registrationNumber,
      title: 'Uji angka',
      answers: {},
      locale: 'id',
      receivedAt: new Date(input.received),
      deadlines: (input.deadlines ?? []) as never,
      status: (steps.at(-1)?.status ?? 'SUBMITTED') as never,
    },
  });
  await prisma.caseEvent.create({
    data: {
      tenantId: input.tenantId,
      caseId: id,
      kind: 'SUBMITTED',
      actorKind: 'REPORTER',
      visibility: 'REPORTER',
      status: 'SUBMITTED',
      data: {},
      createdAt: new Date(input.received),
    },
  });
  for (const step of steps) {
    await prisma.caseEvent.create({
      data: {
        tenantId: input.tenantId,
        caseId: id,
        kind: (step.kind ?? 'STATUS_CHANGED') as never,
        actorKind: step.actor ?? 'STAFF',
        visibility: step.visibility ?? 'REPORTER',
        status: step.status as never,
        data: step.transition ? { transition: step.transition } : {},
        createdAt: new Date(step.at),
      },
    });
  }
  return { id, registrationNumber };
}
