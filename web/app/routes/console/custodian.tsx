/**
 * `/t/<slug>/konsol/kustodian`: the identity custodian's page. Requests to reveal a sealed
 * identity (pending ones with the reveal and decline forms, answered ones for the record),
 * and the agency's custodian keys (set up one's own, re-seal, remove another). A revealed
 * identity and a new recovery key are shown once, from the action's answer; the page is
 * never cached. Only for IDENTITY_CUSTODIAN; others get the 404 page.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { consoleCasePath } from '../../console/console-paths';
import { describeFlash } from '../../console/flash';
import type { IdentityCustodian, RevealRequest } from '../../graphql/results';
import { CustodianConsoleDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { createTranslator } from '../../i18n/translate';
import { describedBy, ErrorSummary, FieldError, Hint } from '../../reporting/form-controls';
import { formatDateTime } from '../../reporting/formats';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { findProblems, type FormProblem } from '../../reporting/report-form-data';
import { createReporterMeta } from '../../reporting/reporter-meta';
import type { RouteHandle } from '../../route-handle';
import { CUSTODIAN_CONTROLS, passphraseId, type CustodianActionData } from '../../console/custodian-data';
import { handleCustodianAction } from '../../server/console-custodian.server';
import { callConsole, getConsoleFrame, requireViewer, startConsoleAction, startConsolePage, takeFlash, toConsolePageError } from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;
/** Only for the recovery key's print button; every form works without the script. */
export const handle: RouteHandle = { hydrate: true };

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args, { agencyOnly: true });
  try {
    const result = await callConsole(call, CustodianConsoleDocument);
    const viewer = requireViewer(result.viewerStaff, request, call);
    if (!viewer.roles.includes('IDENTITY_CUSTODIAN')) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    return data(
      { frame, themeStyle: frame.themeStyle ?? undefined, viewer, requests: result.identityRevealRequests, custodians: result.identityCustodians, flash },
      { headers },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export async function action(args: ActionFunctionArgs) {
  return handleCustodianAction(args.request, startConsoleAction(args, { agencyOnly: true }));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'custodian.title') : [];

function PassphraseField({
  id,
  label,
  problems,
  autoComplete = 'current-password',
  hint,
}: {
  id: string;
  label: string;
  problems: FormProblem[];
  autoComplete?: string;
  hint?: string;
}) {
  const mine = findProblems(problems, id);
  return (
    <div className={mine.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <FieldError id={id} problems={mine} />
      <input
        type="password"
        id={id}
        name={id === CUSTODIAN_CONTROLS.confirmPassphrase ? 'confirm' : 'passphrase'}
        autoComplete={autoComplete}
        required
        aria-invalid={mine.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), problems: mine })}
      />
    </div>
  );
}

function GeneralProblems({ problems }: { problems: FormProblem[] }) {
  const general = problems.filter((problem) => problem.field === null);
  if (general.length === 0) return null;
  return (
    <div className="problem" data-problem>
      {general.map((problem, index) => (
        <p key={index}>{problem.message}</p>
      ))}
    </div>
  );
}

function RevealedBox({ identity, number }: { identity: Extract<CustodianActionData, { kind: 'revealed' }>['identity']; number: string }) {
  const { t } = useTranslation();
  return (
    <section className="revealed" aria-labelledby="identitas-terbuka" data-revealed>
      <h2 id="identitas-terbuka">{t('custodian.revealedTitle', { number })}</h2>
      <p className="warning">{t('custodian.revealedWarning')}</p>
      <dl className="facts">
        {(['name', 'idNumber', 'phone', 'email', 'address'] as const).map((key) => (
          <div key={key} data-revealed-field={key}>
            <dt>{t(`form.detail.${key}`)}</dt>
            <dd>{identity[key] ?? <span className="muted">{t('custodian.notGiven')}</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function RecoveryKeyBox({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === 'function'), []);
  return (
    <section className="receipt recovery" aria-labelledby="kunci-pemulihan" data-recovery>
      <h2 id="kunci-pemulihan">{t('custodian.recoveryTitle')}</h2>
      <div className="warning" role="note">
        <p>{t('custodian.recoveryWarning')}</p>
      </div>
      <p className="secret secret-value" data-recovery-key>
        {recoveryKey}
      </p>
      <div className="print-hidden">
        {canPrint ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('custodian.print')}
          </button>
        ) : (
          <p className="note">{t('custodian.printNoScript')}</p>
        )}
      </div>
    </section>
  );
}

function RequestCard({ request, problems, children }: { request: RevealRequest; problems?: FormProblem[]; children?: React.ReactNode }) {
  const { t, locale } = useTranslation();
  const { frame } = useLoaderData<typeof loader>();
  return (
    <li className="card request-card" data-request={request.registrationNumber} data-request-status={request.status}>
      <h3>
        <a href={consoleCasePath(frame.scope, request.caseId)}>{t('custodian.caseNumber', { number: request.registrationNumber })}</a>{' '}
        <span className="badge">{t(`revealStatus.${request.status}`)}</span>
      </h3>
      <p className="message-body">{t('custodian.reason', { reason: request.reason })}</p>
      <p className="muted">
        {t('custodian.requestedAt', { date: formatDateTime(request.requestedAt, frame.timeZone, locale) })}
        {request.decidedAt ? ` · ${t('custodian.decidedAt', { date: formatDateTime(request.decidedAt, frame.timeZone, locale) })}` : ''}
      </p>
      {problems ? <GeneralProblems problems={problems} /> : null}
      {children}
    </li>
  );
}

function KeyList({ custodians, viewerId }: { custodians: IdentityCustodian[]; viewerId: string }) {
  const { t, locale } = useTranslation();
  const { frame } = useLoaderData<typeof loader>();
  if (custodians.length === 0) return <p>{t('custodian.noKeys')}</p>;
  return (
    <ul className="plain key-list" data-custodians>
      {custodians.map((custodian) => (
        <li key={custodian.id} data-custodian={custodian.name}>
          <strong>{custodian.name}</strong>
          {custodian.staffUserId === viewerId ? ` (${t('custodian.you')})` : ''} ·{' '}
          {custodian.active ? (
            <>
              <span className="badge">{t('custodian.active')}</span>{' '}
              {t('custodian.since', { date: formatDateTime(custodian.createdAt, frame.timeZone, locale) })}
            </>
          ) : (
            <span className="muted">
              {t('custodian.removedAt', { date: custodian.removedAt ? formatDateTime(custodian.removedAt, frame.timeZone, locale) : '' })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export default function CustodianConsole() {
  const { frame, viewer, requests, custodians, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CustodianActionData | undefined;
  const { t } = useTranslation();
  const refused = result?.kind === 'refused' ? result : null;
  const problems = refused?.problems ?? [];
  const pending = requests.filter((request) => request.status === 'PENDING');
  const answered = requests.filter((request) => request.status !== 'PENDING');
  const mine = custodians.find((custodian) => custodian.staffUserId === viewer.id && custodian.active);
  const others = custodians.filter((custodian) => custodian.active && custodian.id !== mine?.id);
  const formProblems = (intent: string) => (refused?.intent === intent ? problems : []);
  const revealed = result?.kind === 'revealed' ? result.identity : null;
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-custodian">
      <div className="print-hidden">
        <FlashMessage text={flash} />
        <h1>{t('custodian.title')}</h1>
        <p className="lead-text">{t('custodian.intro')}</p>
        <ErrorSummary problems={problems.filter((problem) => problem.field !== null)} />
      </div>
      {revealed ? <RevealedBox identity={revealed} number={requests.find((request) => request.id === revealed.requestId)?.registrationNumber ?? ''} /> : null}
      {result?.kind === 'setUp' ? <RecoveryKeyBox recoveryKey={result.recoveryKey} /> : null}
      {result?.kind === 'resealed' ? (
        <div className="success print-hidden" role="status" data-resealed>
          <p>{t('custodian.resealed', { resealed: result.result.resealed, custodians: result.result.custodians })}</p>
          {result.result.skipped > 0 ? <p>{t('custodian.skipped', { skipped: result.result.skipped })}</p> : null}
        </div>
      ) : null}

      <div className="custodian-layout print-hidden">
        <section aria-labelledby="permintaan-menunggu" className="case-section">
          <h2 id="permintaan-menunggu">{t('custodian.pending')}</h2>
          {pending.length === 0 ? (
            <p>{t('custodian.noPending')}</p>
          ) : (
            <ul className="card-list" data-pending>
              {pending.map((request) => {
                const own = refused?.requestId === request.id ? problems : [];
                return (
                  <RequestCard key={request.id} request={request} problems={own}>
                    <form method="post" className="sub-form">
                      <input type="hidden" name="intent" value="reveal" />
                      <input type="hidden" name="requestId" value={request.id} />
                      <PassphraseField id={passphraseId(request.id)} label={t('custodian.passphrase')} problems={own} />
                      <button type="submit" className="button" data-action-submit="reveal">
                        {t('custodian.reveal')}
                      </button>
                    </form>
                    <form method="post" className="sub-form">
                      <input type="hidden" name="intent" value="decline" />
                      <input type="hidden" name="requestId" value={request.id} />
                      <button type="submit" className="button secondary" data-action-submit="decline">
                        {t('custodian.decline')}
                      </button>
                    </form>
                  </RequestCard>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="permintaan-dijawab" className="case-section">
          <h2 id="permintaan-dijawab">{t('custodian.answered')}</h2>
          {answered.length === 0 ? (
            <p>{t('custodian.noAnswered')}</p>
          ) : (
            <ul className="card-list" data-answered>
              {answered.map((request) => (
                <RequestCard key={request.id} request={request} />
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="kunci-kustodian" className="case-section">
          <h2 id="kunci-kustodian">{t('custodian.keys')}</h2>
          <p>{t('custodian.keysIntro')}</p>
          <KeyList custodians={custodians} viewerId={viewer.id} />
          {!mine ? (
            <form method="post" className="action-block" data-action="set-up">
              <h3>{t('custodian.setUp')}</h3>
              <input type="hidden" name="intent" value="setUp" />
              <GeneralProblems problems={formProblems('setUp')} />
              <p className="hint">{t('custodian.setUpIntro')}</p>
              <PassphraseField
                id={CUSTODIAN_CONTROLS.newPassphrase}
                label={t('custodian.newPassphrase')}
                problems={formProblems('setUp')}
                autoComplete="new-password"
              />
              <PassphraseField
                id={CUSTODIAN_CONTROLS.confirmPassphrase}
                label={t('custodian.confirmPassphrase')}
                problems={formProblems('setUp')}
                autoComplete="new-password"
              />
              <button type="submit" className="button">
                {t('custodian.setUpSubmit')}
              </button>
            </form>
          ) : (
            <div className="key-actions">
              <form method="post" className="action-block" data-action="reseal">
                <h3>{t('custodian.reseal')}</h3>
                <input type="hidden" name="intent" value="reseal" />
                <GeneralProblems problems={formProblems('reseal')} />
                <p className="hint">{t('custodian.resealIntro')}</p>
                <PassphraseField id={CUSTODIAN_CONTROLS.reseal} label={t('custodian.passphrase')} problems={formProblems('reseal')} />
                <button type="submit" className="button secondary">
                  {t('custodian.resealSubmit')}
                </button>
              </form>
              {others.length > 0 ? (
                <form method="post" className="action-block" data-action="remove-custodian">
                  <h3>{t('custodian.remove')}</h3>
                  <input type="hidden" name="intent" value="remove" />
                  <GeneralProblems problems={formProblems('remove')} />
                  <p className="hint">{t('custodian.removeIntro')}</p>
                  <div className={findProblems(formProblems('remove'), CUSTODIAN_CONTROLS.removeWho).length > 0 ? 'field invalid' : 'field'}>
                    <label htmlFor={CUSTODIAN_CONTROLS.removeWho}>{t('custodian.removeWho')}</label>
                    <FieldError id={CUSTODIAN_CONTROLS.removeWho} problems={findProblems(formProblems('remove'), CUSTODIAN_CONTROLS.removeWho)} />
                    <select id={CUSTODIAN_CONTROLS.removeWho} name="custodianId" required>
                      <option value="">{t('form.choose')}</option>
                      {others.map((custodian) => (
                        <option key={custodian.id} value={custodian.id}>
                          {custodian.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <PassphraseField id={CUSTODIAN_CONTROLS.remove} label={t('custodian.passphrase')} problems={formProblems('remove')} />
                  <button type="submit" className="button secondary">
                    {t('custodian.removeSubmit')}
                  </button>
                </form>
              ) : null}
            </div>
          )}
        </section>
      </div>
    </ConsolePage>
  );
}
