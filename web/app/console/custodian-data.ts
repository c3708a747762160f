/** The custodian page's forms: intents, control ids, and what an action answers. */
import type { ResealResult, RevealedIdentity } from '../graphql/results';
import type { FormProblem } from '../reporting/report-form-data';

export const CUSTODIAN_INTENTS = ['reveal', 'decline', 'setUp', 'reseal', 'remove'] as const;
export type CustodianIntent = (typeof CUSTODIAN_INTENTS)[number];

export type CustodianActionData =
  | { kind: 'revealed'; identity: RevealedIdentity }
  | { kind: 'setUp'; recoveryKey: string }
  | { kind: 'resealed'; result: ResealResult }
  | { kind: 'refused'; intent: CustodianIntent | null; requestId: string | null; problems: FormProblem[] };

/** Ids of the page's controls, shared with the page. */
export const passphraseId = (requestId: string) => `passphrase-${requestId}`;
export const CUSTODIAN_CONTROLS = {
  newPassphrase: 'new-passphrase',
  confirmPassphrase: 'confirm-passphrase',
  reseal: 'reseal-passphrase',
  removeWho: 'remove-who',
  remove: 'remove-passphrase',
};
