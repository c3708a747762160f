/**
 * `/t/<slug>/konsol/kasus/:id`: one case with everything staff may read of it and the
 * actions the API allows the viewer now. `/konsol/sekretariat/kasus/:id`: the same case,
 * read-only, for the province's secretariat. Actions post here and redirect back.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { CaseActions, findAllowedActions, hasAnyAction, type ChosenTemplate, type TransferTargets } from '../../console/case-actions';
import { CASE_SECTIONS, CaseRecord, CaseSummary } from '../../console/case-view';
import { CaseUnavailable } from '../../console/case-unavailable';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { consoleCasePath, consoleInboxPath } from '../../console/console-paths';
import { PossibleDuplicates } from '../../console/possible-duplicates';
import { describeFlash } from '../../console/flash';
import { LiveCase } from '../../console/live-case';
import { EscalationFollowUpSection } from '../../console/escalation-follow-up';
import { isEscalationIntent } from '../../console/case-action-data';
import { handleEscalationAction } from '../../server/console-escalation-actions.server';
import {
  AgencyStaffDocument,
  CaseConflictProposalsDocument,
  ConsoleCaseDocument,
  ConsoleProvincesDocument,
  ResponseTemplatesDocument,
} from '../../graphql/documents.server';
import { isValueOf } from '../../graphql/enum-values';
import { TemplateUse, type AgencyStaffQuery } from '../../graphql/generated/graphql';
import type { ConflictProposal, ResponseTemplate } from '../../graphql/results';
import { ConflictProposalList, TrustProblem } from '../../console/proposal-lists';
import { handleTrustAction, type TrustActionData } from '../../server/console-trust.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { createTranslator } from '../../i18n/translate';
import { ErrorSummary } from '../../reporting/form-controls';
import { reporterPageHeaders } from '../../reporting/page-headers';
import type { RouteHandle } from '../../route-handle';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { handleCaseAction } from '../../server/console-case-actions.server';
import {
  ApiError,
  callConsole,
  getConsoleFrame,
  requireViewer,
  startConsoleAction,
  startConsolePage,
  takeFlash,
  toConsolePageError,
} from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';
import { createCaseUnavailable } from '../../server/console-case-unavailable.server';

export const headers = reporterPageHeaders;

/** Following the case live needs the page script. */
export const handle: RouteHandle = { hydrate: true };

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function findCaseId(params: LoaderFunctionArgs['params']): string {
  const id = params.id ?? '';
  if (!ID.test(id)) throw createPageError('PAGE_NOT_FOUND');
  return id.toLowerCase();
}

export async function loader(args: LoaderFunctionArgs) {
  const { request, params } = args;
  const call = startConsolePage(args);
  // Any case the viewer may not open, a malformed address too: one console page (case-unavailable.tsx).
  if (!ID.test(params.id ?? '')) return createCaseUnavailable(request, call);
  const id = findCaseId(params);
  try {
    const colleagues: Promise<AgencyStaffQuery['agencyStaff']> =
      call.scope.kind === 'agency'
        ? callConsole(call, AgencyStaffDocument)
            .then((result) => result.agencyStaff)
            .catch((error: unknown) => {
              if (error instanceof ApiError && error.code !== 'UNAUTHENTICATED') return [];
              throw error;
            })
        : Promise.resolve([]);
    // Templates only help a form; without them the page still works.
    const templates: Promise<ResponseTemplate[]> =
      call.scope.kind === 'agency'
        ? callConsole(call, ResponseTemplatesDocument)
            .then((result) => result.responseTemplates)
            .catch((error: unknown) => {
              if (error instanceof ApiError && error.code !== 'UNAUTHENTICATED') return [];
              throw error;
            })
        : Promise.resolve([]);
    // Colleagues' conflict marks on this case that wait for a decision; the page works without them.
    const conflictProposals: Promise<ConflictProposal[]> =
      call.scope.kind === 'agency'
        ? callConsole(call, CaseConflictProposalsDocument, { caseId: id })
            .then((result) => result.conflictProposals)
            .catch((error: unknown) => {
              if (error instanceof ApiError && error.code !== 'UNAUTHENTICATED') return [];
              throw error;
            })
        : Promise.resolve([]);
    const [result, staff, templateList, proposals] = await Promise.all([
      callConsole(call, ConsoleCaseDocument, { id }),
      colleagues,
      templates,
      conflictProposals,
    ]);
    const viewer = requireViewer(result.viewerStaff, request, call);
    const item = result.staffCase;
    const [frame, transferTargets] = await Promise.all([
      getConsoleFrame(call, viewer.provinceId),
      call.scope.kind === 'agency' && item.viewerCan.transfer ? findTransferTargets(call, item.agency.slug) : Promise.resolve([]),
    ]);
    const headers = new Headers();
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    const chosenTemplate = findChosenTemplate(new URL(request.url), templateList);
    return data(
      {
        frame,
        themeStyle: frame.themeStyle ?? undefined,
        viewer,
        item,
        colleagues: staff,
        flash,
        templates: templateList,
        chosenTemplate,
        transferTargets,
        proposals,
      },
      { headers },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return createCaseUnavailable(request, call);
    throw toConsolePageError(error, request, call);
  }
}

/** Every agency of every province but the case's own, for the transfer form. */
async function findTransferTargets(call: Parameters<typeof callConsole>[0], ownSlug: string): Promise<TransferTargets[]> {
  const { provinces } = await callConsole(call, ConsoleProvincesDocument, undefined, { anonymous: true });
  return provinces
    .map((province) => ({
      province: province.name,
      agencies: province.tenants.filter((tenant) => tenant.slug !== ownSlug).map(({ slug, name }) => ({ slug, name })),
    }))
    .filter((group) => group.agencies.length > 0);
}

/** `?untuk=<use>&templat=<key>`: the template whose text goes into that use's textarea. */
function findChosenTemplate(url: URL, templates: ResponseTemplate[]): ChosenTemplate | null {
  const use = url.searchParams.get('untuk') ?? '';
  const key = url.searchParams.get('templat') ?? '';
  if (!isValueOf(TemplateUse, use)) return null;
  const template = templates.find((candidate) => candidate.key === key && candidate.uses.includes(use as TemplateUse));
  return template ? { use: use as TemplateUse, key: template.key, name: template.name, body: template.body } : null;
}

export async function action(args: ActionFunctionArgs) {
  const fields = await args.request.clone().formData();
  // The follow-up of an escalation (ADR 0028): the secretariat's steps; the API refuses anyone else.
  if (isEscalationIntent(fields.get('intent'))) return handleEscalationAction(args.request, startConsoleAction(args), findCaseId(args.params));
  // Otherwise the secretariat reads; it never acts on a case.
  const call = startConsoleAction(args, { agencyOnly: true });
  const caseId = findCaseId(args.params);
  if (fields.get('intent') === 'decideConflict') return handleTrustAction(args.request, call, fields, consoleCasePath(call.scope, caseId));
  return handleCaseAction(args.request, call, caseId);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  if ('unavailable' in data) return createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'caseUnavailable.title');
  return createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'staffCase.title', { number: data.item.registrationNumber });
};

type LoadedCase = Exclude<SerializeFrom<typeof loader>, { unavailable: true }>;

export default function ConsoleCaseRoute() {
  const loaded = useLoaderData<typeof loader>();
  return 'unavailable' in loaded ? <CaseUnavailable frame={loaded.frame} viewer={loaded.viewer} /> : <ConsoleCase loaded={loaded} />;
}

function ConsoleCase({ loaded }: { loaded: LoadedCase }) {
  const { frame, viewer, item, colleagues, flash, templates, chosenTemplate, transferTargets, proposals } = loaded;
  const actionResult = useActionData<typeof action>();
  const trustResult = actionResult && 'trust' in actionResult ? (actionResult as TrustActionData) : null;
  const result = actionResult && !('trust' in actionResult) ? actionResult : undefined;
  const trustProblemOf = (proposalId: string) => (trustResult?.subject === proposalId ? trustResult.problem : null);
  const trustKnown = trustResult?.subject ? proposals.some((proposal) => proposal.id === trustResult.subject) : false;
  const { t } = useTranslation();
  const readOnly = frame.scope.kind !== 'agency';
  const allowed = readOnly ? null : findAllowedActions(item, viewer, colleagues);
  const draft = item.officialAnswers.find((answer) => answer.status === 'DRAFT' || answer.status === 'SUBMITTED');
  const problems = result && 'problems' in result ? result.problems : [];
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-case">
      <p className="back-link">
        {/* Both pages run the script: going back loads only the inbox's data (and works as a plain link without it). */}
        <Link to={consoleInboxPath(frame.scope)} data-back-to-inbox>
          ← {t('staffCase.back')}
        </Link>
      </p>
      <FlashMessage text={flash} />
      {problems.length > 0 ? <ErrorSummary problems={problems} /> : null}
      <TrustProblem problem={trustResult && !trustKnown ? trustResult.problem : null} />
      <div className="case-heading" data-case={item.registrationNumber}>
        <h1>
          <span className="report-number">{item.registrationNumber}</span>
        </h1>
        <p className="case-title">{item.title}</p>
        <LiveCase scope={frame.scope} id={item.id} after={item.liveCursor} />
      </div>
      <CaseSummary item={item} scope={frame.scope} />
      <nav className="case-nav" aria-label={t('staffCase.sections')}>
        <ul>
          {allowed && hasAnyAction(allowed) ? (
            <li>
              <a href="#tindakan">{t('action.title')}</a>
            </li>
          ) : null}
          {item.escalationFollowUp ? (
            <li>
              <a href="#tindak-lanjut-eskalasi">{t('followUp.heading')}</a>
            </li>
          ) : null}
          {CASE_SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="case-layout">
        <div className="case-main">
          <CaseRecord item={item} scope={frame.scope} />
        </div>
        <div className="case-side" id="tindakan">
          <EscalationFollowUpSection
            item={item}
            forms={{
              result: result && 'problems' in result ? result : undefined,
              templates: [],
              chosenTemplate: null,
              casePath: consoleCasePath(frame.scope, item.id),
            }}
          />
          {item.status === 'SUBMITTED' || item.status === 'IN_VERIFICATION' ? <PossibleDuplicates scope={frame.scope} item={item} /> : null}
          {proposals.length > 0 ? (
            <section aria-labelledby="benturan-menunggu" className="case-section" data-section="case-conflict-proposals">
              <h2 id="benturan-menunggu">{t('conflictProposal.title')}</h2>
              <ConflictProposalList proposals={proposals} scope={frame.scope} timeZone={item.agency.timeZone} showCase={false} problemOf={trustProblemOf} />
            </section>
          ) : null}
          {allowed && hasAnyAction(allowed) ? (
            <CaseActions
              item={item}
              allowed={allowed}
              forms={{
                result: result && 'problems' in result ? result : undefined,
                templates,
                chosenTemplate,
                casePath: consoleCasePath(frame.scope, item.id),
              }}
              draftBody={draft?.status === 'DRAFT' ? draft.body : ''}
              transferTargets={transferTargets}
            />
          ) : item.viewerCanOversee && item.escalationFollowUp && item.escalationFollowUp.state !== 'CONCLUDED' ? null : (
            <p className="note" data-read-only>
              {t('staffCase.readOnly')}
            </p>
          )}
        </div>
      </div>
    </ConsolePage>
  );
}
