/**
 * Flashes: what an action tells the page it redirects to. The cookie holds only a name from
 * this list (and, for a transition, the new status), never text: the words come from the catalog.
 */
import { isValueOf } from '../graphql/enum-values';
import { CaseStatus } from '../graphql/generated/graphql';
import type { Translate } from '../i18n/translate';

export const FLASHES = [
  'transition',
  'note',
  'message',
  'priority',
  'answerSaved',
  'answerSubmitted',
  'answerReturned',
  'conflictSelf',
  'conflictColleague',
  'restricted',
  'unrestricted',
  'gone',
  'transferred',
  'revealRequested',
  'intakeRecorded',
  'revealDeclined',
  'custodianRemoved',
  'staffCreated',
  'staffRoles',
  'staffDeactivated',
  'staffActivated',
  'notificationsRead',
  'emailChoices',
  'staffProposed',
  'roleProposed',
  'roleConfirmed',
  'roleDeclined',
  'conflictProposed',
  'conflictConfirmed',
  'conflictDeclined',
  'escalationAcknowledged',
  'agencyInstructed',
  'escalationConcluded',
  'reportRequested',
] as const;
export type Flash = (typeof FLASHES)[number];

export function createFlash(flash: Flash, status?: CaseStatus): string {
  return status ? `${flash}:${status}` : flash;
}

/** The words of a flash, or null for a cookie value this build does not know. */
export function describeFlash(value: string | null, t: Translate): string | null {
  if (!value) return null;
  const [name, status] = value.split(':');
  if (!(FLASHES as readonly string[]).includes(name!)) return null;
  if (name === 'transition') {
    if (!isValueOf(CaseStatus, status)) return null;
    return t('flash.transition', { status: t(`staffStatus.${status}`) });
  }
  return t(`flash.${name as Exclude<Flash, 'transition'>}`);
}
