/**
 * `/t/<slug>/konsol/kasus/:id/tanda-terima`: the receipt (tanda terima) of an offline intake,
 * printable on its own. Right after recording it carries the tracking code, once: the action
 * left it in a cookie for this path only, and this page spends it. Any later visit is a
 * reprint without the code. It names the officer who received the report.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { consoleCasePath, consoleIntakePath, consoleReceiptPath } from '../../console/console-paths';
import { isOfflineIntake } from '../../console/case-view';
import { describeFlash } from '../../console/flash';
import { IntakeReceiptDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { createTranslator } from '../../i18n/translate';
import { DeadlineList } from '../../reporting/deadline-list';
import { formatDateTime } from '../../reporting/formats';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import type { RouteHandle } from '../../route-handle';
import { callConsole, getConsoleFrame, requireViewer, startConsolePage, takeFlash, toConsolePageError } from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';
import { createClearReceiptCodeCookie, findReceiptCode } from '../../server/staff-session.server';

export const headers = reporterPageHeaders;
/** Only for the print button; everything else works without the script. */
export const handle: RouteHandle = { hydrate: true };

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader(args: LoaderFunctionArgs) {
  const { request, params } = args;
  const call = startConsolePage(args, { agencyOnly: true });
  const id = (params.id ?? '').toLowerCase();
  if (!ID.test(id)) throw createPageError('PAGE_NOT_FOUND');
  try {
    const result = await callConsole(call, IntakeReceiptDocument, { id });
    const viewer = requireViewer(result.viewerStaff, request, call);
    const item = result.staffCase;
    if (!isOfflineIntake(item)) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const trackingCode = findReceiptCode(request, id);
    if (trackingCode) headers.append('Set-Cookie', createClearReceiptCodeCookie(request, consoleReceiptPath(call.scope.slug, id)));
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    const origin = new URL(request.url).origin;
    return data(
      { frame, themeStyle: frame.themeStyle ?? undefined, viewer, item, trackingCode, flash, trackUrl: `${origin}/t/${call.scope.slug}/lacak` },
      { headers },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'intakeReceipt.title') : [];

/** "Kunjungan langsung (Tatap muka)", but never the kind twice when the name already says it. */
function describeChannel(name: string, kind: string): string {
  return name.toLowerCase().includes(kind.toLowerCase()) ? name : `${name} (${kind})`;
}

function Row({ label, children, hook }: { label: string; children: React.ReactNode; hook?: string }) {
  return (
    <div data-receipt-fact={hook}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function IntakeReceipt() {
  const { frame, viewer, item, trackingCode, flash, trackUrl } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === 'function'), []);
  const slug = frame.scope.kind === 'agency' ? frame.scope.slug : '';
  const zone = item.agency.timeZone;
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-receipt">
      <div className="print-hidden">
        <FlashMessage text={flash} />
      </div>
      <article className="receipt intake-receipt" data-receipt data-reprint={trackingCode ? undefined : ''} aria-labelledby="tanda-terima">
        <p className="receipt-agency">{item.agency.name}</p>
        <h1 id="tanda-terima">{t(trackingCode ? 'intakeReceipt.title' : 'intakeReceipt.reprintTitle')}</h1>
        {trackingCode ? <p className="success print-hidden">{t('intakeReceipt.recorded')}</p> : null}
        <dl className="secrets">
          <div className="secret">
            <dt>{t('intakeReceipt.number')}</dt>
            <dd className="secret-value" data-registration-number="">
              {item.registrationNumber}
            </dd>
          </div>
          {trackingCode ? (
            <div className="secret">
              <dt>{t('intakeReceipt.code')}</dt>
              <dd className="secret-value" data-tracking-code="">
                {trackingCode.split('-').map((piece, index, pieces) => (
                  <span key={index}>
                    {piece}
                    {index < pieces.length - 1 ? (
                      <>
                        -<wbr />
                      </>
                    ) : null}
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
        {trackingCode ? (
          <div className="warning" role="note">
            <h2>{t('intakeReceipt.codeWarningTitle')}</h2>
            <p>{t('intakeReceipt.codeWarning')}</p>
          </div>
        ) : (
          <p className="note">{t('intakeReceipt.reprintNote')}</p>
        )}
        <dl className="facts">
          <Row label={t('intakeReceipt.agency')}>{item.agency.name}</Row>
          <Row label={t('intakeReceipt.receivedAt')} hook="received">
            {formatDateTime(item.receivedAt, zone, locale)}
          </Row>
          <Row label={t('intakeReceipt.channel')} hook="channel">
            {item.channel ? describeChannel(item.channel.name, t(`channelKind.${item.channel.kind}`)) : t('inbox.none')}
          </Row>
          {item.externalReference ? (
            <Row label={t('intakeReceipt.externalReference')} hook="external-reference">
              {item.externalReference}
            </Row>
          ) : null}
          <Row label={t('intakeReceipt.caseType')}>{item.caseType?.name ?? t('inbox.none')}</Row>
          {item.category ? <Row label={t('intakeReceipt.category')}>{item.category.name}</Row> : null}
          <Row label={t('intakeReceipt.identityMode')}>{t(`identityMode.${item.identityMode}`)}</Row>
          {item.caseType?.handlingUnit ? <Row label={t('intakeReceipt.handlingUnit')}>{item.caseType.handlingUnit}</Row> : null}
          <Row label={t('intakeReceipt.deadlines')}>
            <DeadlineList deadlines={item.deadlines} timeZone={zone} />
          </Row>
        </dl>
        <div className="officer">
          <p data-officer>
            <strong>{t('intakeReceipt.officer')}:</strong> {item.recordedBy?.name ?? t('inbox.none')}
            {item.recordedBy?.title ? `, ${item.recordedBy.title}` : ''}
          </p>
          <p className="signature" aria-hidden="true" />
        </div>
        <p className="track-hint">{t('intakeReceipt.trackHint', { url: trackUrl })}</p>
        <div className="receipt-actions print-hidden">
          {canPrint ? (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('intakeReceipt.print')}
            </button>
          ) : (
            <p className="note">{t('receipt.printNoScript')}</p>
          )}
          <p className="actions-inline">
            <a href={consoleCasePath(frame.scope, item.id)}>{t('intakeReceipt.toCase')}</a>
            <a href={consoleIntakePath(slug)}>{t('intakeReceipt.another')}</a>
          </p>
        </div>
      </article>
    </ConsolePage>
  );
}
