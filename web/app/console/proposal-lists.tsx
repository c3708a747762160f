/**
 * Proposals that wait for a second person: role changes (custodian, head) and colleagues'
 * conflict marks. Each shows who proposed and when; whoever the API says may decide
 * (`viewerMayDecide`) gets Konfirmasi / Tolak as plain POST forms, everyone else a sentence saying
 * it waits for someone else.
 */
import type { ConflictProposal, RoleChangeProposal } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatShortDateTime } from './console-format';
import { consoleCasePath, type ConsoleScope } from './console-paths';

/** Konfirmasi / Tolak for one proposal; `about` completes the buttons' names for a screen reader. */
export function DecisionButtons({ intent, proposalId, about }: { intent: 'decideRole' | 'decideConflict'; proposalId: string; about: string }) {
  const { t } = useTranslation();
  const context = t('trust.decisionOf', { name: about });
  return (
    <div className="decision-buttons">
      {(
        [
          ['1', 'trust.confirm', 'button'],
          ['0', 'trust.decline', 'button secondary'],
        ] as const
      ).map(([confirm, label, className]) => (
        <form key={confirm} method="post" className="decision-form">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="proposalId" value={proposalId} />
          <input type="hidden" name="confirm" value={confirm} />
          <button type="submit" className={className} data-decide={confirm === '1' ? 'confirm' : 'decline'}>
            {t(label)}
            <span className="visually-hidden">{context}</span>
          </button>
        </form>
      ))}
    </div>
  );
}

/** A refusal of a decision or proposal form, next to the proposal or account it was about. */
export function TrustProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="problem" role="alert" data-problem>
      {problem}
    </p>
  );
}

export function RoleProposalList({
  proposals,
  names,
  viewerId,
  timeZone,
  problemOf,
}: {
  proposals: RoleChangeProposal[];
  /** Staff names by id, to say who proposed (the agency's accounts); without the name only the time is said. */
  names: ReadonlyMap<string, string>;
  viewerId: string;
  timeZone: string;
  problemOf: (proposalId: string) => string | null;
}) {
  const { t, locale } = useTranslation();
  return (
    <ul className="card-list proposal-list" data-role-proposals>
      {proposals.map((proposal) => {
        const role = t(`staffRole.${proposal.role}`);
        const proposer = proposal.proposedById === viewerId ? t('trust.you') : (names.get(proposal.proposedById) ?? null);
        const when = formatShortDateTime(proposal.proposedAt, timeZone, locale);
        return (
          <li key={proposal.id} className="card proposal-card" data-role-proposal={proposal.staffEmail} data-role={proposal.role} data-change={proposal.change}>
            <h3>{t(`trust.proposal.${proposal.change}`, { name: proposal.staffName, role })}</h3>
            <p className="mono file-name">{proposal.staffEmail}</p>
            <p>
              <span className="badge pending-mark">{t('trust.pending')}</span>{' '}
              <span data-proposed-by>{proposer ? t('trust.proposedBy', { name: proposer, date: when }) : t('trust.proposedAt', { date: when })}</span>
            </p>
            <TrustProblem problem={problemOf(proposal.id)} />
            {proposal.viewerMayDecide ? (
              <DecisionButtons intent="decideRole" proposalId={proposal.id} about={proposal.staffName} />
            ) : (
              <p className="hint" data-waits-for-other>
                {t('trust.waitsForOther')}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ConflictProposalList({
  proposals,
  scope,
  timeZone,
  showCase,
  problemOf,
}: {
  proposals: ConflictProposal[];
  scope: ConsoleScope;
  timeZone: string;
  showCase: boolean;
  problemOf: (proposalId: string) => string | null;
}) {
  const { t, locale } = useTranslation();
  return (
    <ul className="card-list proposal-list" data-conflict-proposals>
      {proposals.map((proposal) => {
        const name = proposal.staffName ?? t('trust.someone');
        return (
          <li key={proposal.id} className="card proposal-card" data-conflict-proposal={proposal.staffUserId}>
            <h3>{t('conflictProposal.staff', { name })}</h3>
            {showCase ? (
              <p>
                <a href={consoleCasePath(scope, proposal.caseId)} className="report-number" data-case-link={proposal.registrationNumber}>
                  {t('conflictProposal.case', { number: proposal.registrationNumber })}
                </a>
              </p>
            ) : null}
            <p>
              <span className="badge pending-mark">{t('trust.pending')}</span>{' '}
              {t('conflictProposal.markedBy', {
                name: proposal.proposedByName ?? t('trust.someone'),
                date: formatShortDateTime(proposal.proposedAt, timeZone, locale),
              })}
            </p>
            {proposal.reason ? <p className="event-reason">{t('conflictProposal.reason', { reason: proposal.reason })}</p> : null}
            <TrustProblem problem={problemOf(proposal.id)} />
            {proposal.viewerMayDecide ? (
              <DecisionButtons intent="decideConflict" proposalId={proposal.id} about={name} />
            ) : (
              <p className="hint" data-waits-for-other>
                {t('conflictProposal.waits')}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
