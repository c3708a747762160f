/**
 * Possible duplicates of a case, shown to staff before they accept it: other cases of the
 * agency from the last months filed under the same pseudonym, or in the same category
 * about the same place, or with much the same words. A hint for a person, not a rule: the
 * score is the share of distinct words two reports have in common (Jaccard).
 */
import type { AppAbility } from '../auth/abilities.ts';
import type { ScopedTransaction } from '../auth/data-scope.ts';
import { casesWhere } from '../auth/case-filter.ts';

const LOOK_BACK_DAYS = 180;
const CANDIDATES = 300;
const TEXT_THRESHOLD = 0.45;
const PLACE_THRESHOLD = 0.6;
export const MAX_DUPLICATES = 10;

/** Form fields that say where it happened, in the agencies' forms (3W and 5W+1H). */
const PLACE_FIELDS = ['where', 'location', 'place', 'lokasi'];
/** Words too common in reports to tell two apart. */
const STOP_WORDS = new Set(
  'yang dan di ke dari untuk dengan pada ini itu atau dalam tidak ada oleh sebagai juga karena akan telah sudah saya kami mereka the and of to in on for a an is was be by with at from'.split(
    ' ',
  ),
);

/** Why a case may be a duplicate (GraphQL's DuplicateReason is built from this list). */
export const DUPLICATE_REASONS = ['SAME_REPORTER', 'SAME_CATEGORY_AND_PLACE', 'SIMILAR_TEXT'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface PossibleDuplicate {
  id: string;
  registrationNumber: string;
  title: string;
  status: string;
  receivedAt: Date;
  similarity: number;
  reasons: DuplicateReason[];
}

export function wordsOf(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word));
  return new Set(words);
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

function textOf(row: { title: string; answers: unknown }): string {
  const answers = row.answers && typeof row.answers === 'object' ? Object.values(row.answers as Record<string, unknown>) : [];
  return [row.title, ...answers.filter((value): value is string => typeof value === 'string')].join(' ');
}

function placeOf(answers: unknown): Set<string> {
  if (!answers || typeof answers !== 'object') return new Set();
  const entries = Object.entries(answers as Record<string, unknown>);
  const place = entries.filter(([key]) => PLACE_FIELDS.some((name) => key.toLowerCase().includes(name))).map(([, value]) => String(value));
  return wordsOf(place.join(' '));
}

interface ReporterLink {
  reporterAccountId: string | null;
  identityMode: string;
  identityProtection: string;
}

/**
 * Whether staff may be told that two cases come from one reporter account: only when both
 * were filed under its pseudonym, and neither is sealed while the other's contact details are
 * readable by staff. An account also holds its owner's identified reports (ADR 0027): pointing
 * from one of those to a pseudonymous report, or from readable details to a sealed report,
 * would unmask the reporter through the account.
 */
export function sameReporterShown(a: ReporterLink, b: ReporterLink): boolean {
  if (a.reporterAccountId === null || a.reporterAccountId !== b.reporterAccountId) return false;
  if (a.identityMode !== 'PSEUDONYMOUS' || b.identityMode !== 'PSEUDONYMOUS') return false;
  const protections = new Set([a.identityProtection, b.identityProtection]);
  return !(protections.has('SEALED') && protections.has('TENANT_KEY'));
}

export async function findPossibleDuplicates(tx: ScopedTransaction, ability: AppAbility, caseId: string, now = new Date()): Promise<PossibleDuplicate[]> {
  const subject = await tx.case.findFirst({
    where: { AND: [casesWhere(ability, 'read'), { id: caseId }] },
    select: { id: true, tenantId: true, title: true, answers: true, categoryId: true, reporterAccountId: true, identityMode: true, identityProtection: true },
  });
  if (!subject) return [];
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000);
  const candidates = await tx.case.findMany({
    where: { AND: [casesWhere(ability, 'read'), { tenantId: subject.tenantId, id: { not: subject.id }, receivedAt: { gte: since } }] },
    select: {
      id: true,
      registrationNumber: true,
      title: true,
      status: true,
      receivedAt: true,
      answers: true,
      categoryId: true,
      reporterAccountId: true,
      identityMode: true,
      identityProtection: true,
    },
    orderBy: { receivedAt: 'desc' },
    take: CANDIDATES,
  });
  const words = wordsOf(textOf(subject));
  const place = placeOf(subject.answers);
  const found: PossibleDuplicate[] = [];
  for (const candidate of candidates) {
    const reasons: DuplicateReason[] = [];
    if (sameReporterShown(subject, candidate)) reasons.push('SAME_REPORTER');
    if (
      subject.categoryId &&
      candidate.categoryId === subject.categoryId &&
      place.size > 0 &&
      similarity(place, placeOf(candidate.answers)) >= PLACE_THRESHOLD
    ) {
      reasons.push('SAME_CATEGORY_AND_PLACE');
    }
    const score = similarity(words, wordsOf(textOf(candidate)));
    if (score >= TEXT_THRESHOLD) reasons.push('SIMILAR_TEXT');
    if (reasons.length > 0) {
      found.push({
        id: candidate.id,
        registrationNumber: candidate.registrationNumber,
        title: candidate.title,
        status: candidate.status,
        receivedAt: candidate.receivedAt,
        similarity: score,
        reasons,
      });
    }
  }
  return found.sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity).slice(0, MAX_DUPLICATES);
}
