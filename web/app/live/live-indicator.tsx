/**
 * "Diperbarui langsung / Live": a small badge while the page follows live updates, and a
 * polite status region that says when the shown data last changed. Nothing is rendered on
 * the server (the page there is not live), only the empty region screen readers listen to.
 */
import type { LiveStatus } from './live-client';
import { useLiveText } from './live-messages';

export interface LiveChange {
  at: string;
  format(at: string, locale: 'id' | 'en'): string;
}

export function LiveIndicator({ status, changed }: { status: LiveStatus | null; changed?: LiveChange | null }) {
  const { locale, text } = useLiveText();
  return (
    <div className="live-indicator muted" data-live={status ?? 'off'}>
      {status === 'live' ? (
        <span data-live-badge>
          <span aria-hidden="true" style={{ color: 'var(--color-success, #1a7f37)' }}>
            ●{' '}
          </span>
          {text('live')}
        </span>
      ) : status === 'down' ? (
        <span data-live-badge>{text('down')}</span>
      ) : null}
      {status && changed ? ' · ' : ' '}
      <span role="status" data-live-change>
        {changed ? text('reportChanged', { time: changed.format(changed.at, locale) }) : ''}
      </span>
    </div>
  );
}
