/**
 * `/konsol/sekretariat/keputusan`: what waits for the provincial secretariat to decide:
 * appointing or removing an agency head of its province, and a conflict of interest marked on
 * a head. Konfirmasi / Tolak are plain POST forms. Only for the secretariat; an agency's
 * console has no such page.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { consoleDecisionsPath } from '../../console/console-paths';
import { describeFlash } from '../../console/flash';
import { ConflictProposalList, RoleProposalList, TrustProblem } from '../../console/proposal-lists';
import { SecretariatDecisionsDocument } from '../../graphql/documents.server';
import type { ConflictProposal, RoleChangeProposal } from '../../graphql/results';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { createTranslator } from '../../i18n/translate';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { callConsole, getConsoleFrame, requireViewer, startConsoleAction, startConsolePage, takeFlash, toConsolePageError } from '../../server/console.server';
import { handleTrustAction, type TrustActionData } from '../../server/console-trust.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args);
  if (call.scope.kind !== 'secretariat') throw createPageError('PAGE_NOT_FOUND');
  try {
    const result = await callConsole(call, SecretariatDecisionsDocument);
    const viewer = requireViewer(result.viewerStaff, request, call);
    if (!viewer.roles.includes('PROVINCIAL_SECRETARIAT')) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    return data(
      {
        frame,
        themeStyle: frame.themeStyle ?? undefined,
        viewer,
        heads: result.roleChangeProposals.filter((proposal) => proposal.role === 'AGENCY_HEAD'),
        conflicts: result.conflictProposals,
        flash,
      },
      { headers },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export async function action(args: ActionFunctionArgs) {
  const call = startConsoleAction(args);
  if (call.scope.kind !== 'secretariat') throw createPageError('PAGE_NOT_FOUND');
  const fields = await args.request.clone().formData();
  const intent = fields.get('intent');
  if (intent !== 'decideRole' && intent !== 'decideConflict') throw createPageError('PAGE_NOT_FOUND');
  return handleTrustAction(args.request, call, fields, consoleDecisionsPath());
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'decisions.title') : [];

export default function Decisions() {
  const { frame, viewer, heads, conflicts, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as TrustActionData | undefined;
  const { t } = useTranslation();
  const problemOf = (intent: TrustActionData['intent']) => (proposalId: string) =>
    result && result.intent === intent && result.subject === proposalId ? result.problem : null;
  const known = result?.subject ? [...heads, ...conflicts].some((proposal) => proposal.id === result.subject) : false;
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-decisions">
      <FlashMessage text={flash} />
      <TrustProblem problem={result && !known ? result.problem : null} />
      <h1>{t('decisions.title')}</h1>
      <p className="lead-text">{t('decisions.intro', { secretariat: frame.title })}</p>
      <section aria-labelledby="usulan-pimpinan" className="case-section" data-section="head-proposals">
        <h2 id="usulan-pimpinan">{t('decisions.heads')}</h2>
        {heads.length === 0 ? (
          <p data-no-proposals>{t('decisions.headsEmpty')}</p>
        ) : (
          <RoleProposalList
            proposals={heads as RoleChangeProposal[]}
            names={new Map()}
            viewerId={viewer.id}
            timeZone={frame.timeZone}
            problemOf={problemOf('decideRole')}
          />
        )}
      </section>
      <section aria-labelledby="benturan-pimpinan" className="case-section" data-section="conflict-proposals">
        <h2 id="benturan-pimpinan">{t('decisions.conflicts')}</h2>
        {conflicts.length === 0 ? (
          <p data-no-conflicts>{t('decisions.conflictsEmpty')}</p>
        ) : (
          <ConflictProposalList
            proposals={conflicts as ConflictProposal[]}
            scope={frame.scope}
            timeZone={frame.timeZone}
            showCase
            problemOf={problemOf('decideConflict')}
          />
        )}
      </section>
    </ConsolePage>
  );
}
