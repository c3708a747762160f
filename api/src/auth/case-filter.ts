/**
 * The CASL rules of abilities.ts as a Prisma filter on cases: the one way a service reads
 * "the cases this viewer may act on" in SQL (lists, counts, and loading the one row a
 * mutation changes).
 */
import { accessibleBy } from '@casl/prisma/runtime';
import type { Prisma } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import type { AppAbility, CaseAction } from './abilities.ts';

/**
 * The CASL filter of an action on cases, as a Prisma where clause. A role with no rule for
 * the action at all is FORBIDDEN (it says nothing about any record): Prisma reads the empty
 * `OR: []` that CASL would give as "match everything", never let it through.
 */
export function casesWhere(ability: AppAbility, action: CaseAction): Prisma.CaseWhereInput {
  if (!ability.can(action, 'Case')) throw new AppError('FORBIDDEN', `Your role may not ${action} cases.`, { action });
  const where = accessibleBy(ability, action).ofType('Case') as Prisma.CaseWhereInput;
  if (Array.isArray(where.OR) && where.OR.length === 0) throw new AppError('FORBIDDEN', `Your role may not ${action} cases.`, { action });
  return where;
}
