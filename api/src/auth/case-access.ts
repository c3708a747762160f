/**
 * A case as CASL sees it in memory: the facts abilities.ts's rules on cases look at, and no
 * other. Where cases are counted or streamed without loading each row through Prisma (the live
 * feed, the dashboards' per-handler and satisfaction counts), this is what is checked against the rules.
 */
import { subject } from '@casl/ability';
import type { AppAbility, CaseAction } from './abilities.ts';

export interface CaseAccess {
  tenantId: string;
  restricted: boolean;
  exclusions: { staffUserId: string }[];
  handlers: { staffUserId: string }[];
}

/** The facts of a case that abilities.ts's case rules may condition on. */
const ACCESS_FACTS = new Set<string>(['tenantId', 'restricted', 'exclusions', 'handlers']);

export function canOnCaseAccess(ability: AppAbility, action: CaseAction, access: CaseAccess): boolean {
  return ability.can(action, subject('Case', access as never));
}

/**
 * Whether the viewer's rules for `action` on cases look only at the case's agency, whether it is
 * restricted, and the viewer's own row among its handlers and exclusions: then every case of an
 * agency with the same `restricted` gets the same verdict, except the cases the viewer handles or
 * is excluded from. Counting by groups relies on it (stats/counted-as-viewer.ts); a rule on any
 * other fact (or on another staff member's row) must fail loudly, not count wrong.
 */
export function rulesLookOnlyAtAccess(ability: AppAbility, action: CaseAction, userId: string): boolean {
  const own = JSON.stringify({ staffUserId: userId });
  return ability.rulesFor(action, 'Case').every((rule) => {
    if (rule.inverted || rule.fields) return false;
    const conditions = (rule.conditions ?? {}) as Record<string, unknown>;
    return Object.entries(conditions).every(([fact, condition]) => {
      if (!ACCESS_FACTS.has(fact)) return false;
      if (fact !== 'handlers' && fact !== 'exclusions') return true;
      const [operator, ...more] = Object.entries(condition as Record<string, unknown>);
      return more.length === 0 && operator !== undefined && ['some', 'none'].includes(operator[0]) && JSON.stringify(operator[1]) === own;
    });
  });
}
