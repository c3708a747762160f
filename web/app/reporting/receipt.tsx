/**
 * The receipt (tanda bukti), rendered once from the submit action's answer: the tracking
 * code is on this page and nowhere else. It prints on its own (the rest of the page is
 * hidden in print), and the print button appears only when the page script runs.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ReportReceipt } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { DeadlineList } from './deadline-list';
import { EvidenceList } from './evidence-list';
import { formatDateTime } from './formats';

/** Lets a long code wrap only after its dashes, and still copy as one piece. */
function Breakable({ text }: { text: string }) {
  const pieces = text.split('-');
  return (
    <>
      {pieces.map((piece, index) => (
        <span key={index}>
          {piece}
          {index < pieces.length - 1 ? (
            <>
              -<wbr />
            </>
          ) : null}
        </span>
      ))}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Receipt({
  registrationNumber,
  trackingCode,
  receipt,
  trackHref,
  emailSettingsHref,
}: {
  registrationNumber: string;
  trackingCode: string;
  receipt: ReportReceipt;
  trackHref: string;
  /** The account's email section: news of a pseudonymous report can go by email. */
  emailSettingsHref: string;
}) {
  const { locale, t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === 'function'), []);
  return (
    <article className="receipt" data-receipt aria-labelledby="tanda-bukti">
      <h1 id="tanda-bukti">{t('receipt.title')}</h1>
      <p className="success">{t('receipt.sent')}</p>
      <dl className="secrets">
        <div className="secret">
          <dt>{t('receipt.number')}</dt>
          <dd className="secret-value" data-registration-number="">
            {registrationNumber}
          </dd>
        </div>
        <div className="secret">
          <dt>{t('receipt.code')}</dt>
          <dd className="secret-value" data-tracking-code="">
            <Breakable text={trackingCode} />
          </dd>
        </div>
      </dl>
      <div className="warning" role="note">
        <h2>{t('receipt.warningTitle')}</h2>
        <p>{t('receipt.warning')}</p>
      </div>
      <dl className="facts">
        <Row label={t('receipt.agency')}>
          {receipt.agencyName}
          {receipt.agencyAddress ? <span className="muted block">{receipt.agencyAddress}</span> : null}
        </Row>
        <Row label={t('receipt.caseType')}>{receipt.caseTypeName}</Row>
        {receipt.categoryName ? <Row label={t('receipt.category')}>{receipt.categoryName}</Row> : null}
        <Row label={t('receipt.submittedAt')}>{formatDateTime(receipt.submittedAt, receipt.timeZone, locale)}</Row>
        <Row label={t('receipt.identityMode')}>{t(`identityMode.${receipt.identityMode}`)}</Row>
        {receipt.handlingUnit ? <Row label={t('receipt.handlingUnit')}>{receipt.handlingUnit}</Row> : null}
        <Row label={t('receipt.deadlines')}>
          <DeadlineList deadlines={receipt.deadlines} timeZone={receipt.timeZone} />
        </Row>
        <Row label={t('receipt.evidence')}>
          <EvidenceList files={receipt.evidence} empty={t('receipt.noEvidence')} />
        </Row>
      </dl>
      <div className="receipt-actions print-hidden">
        {canPrint ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('receipt.print')}
          </button>
        ) : (
          <p className="note">{t('receipt.printNoScript')}</p>
        )}
        {/* Mail reaches an account only: an anonymous reporter hears nothing unless they come to look. */}
        {receipt.identityMode === 'ANONYMOUS' ? <p data-email-hint>{t('receipt.noEmailAnonymous')}</p> : <p>{t('receipt.trackHint')}</p>}
        {receipt.identityMode === 'PSEUDONYMOUS' ? (
          <p data-email-hint>
            {t('receipt.emailPseudonymous')} <a href={emailSettingsHref}>{t('receipt.emailSettings')}</a>.
          </p>
        ) : null}
        <p>
          <a href={trackHref}>{t('receipt.track')}</a>
        </p>
      </div>
    </article>
  );
}
