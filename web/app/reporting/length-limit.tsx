/**
 * A text field's length against its limit (from the agency's form definition, the same
 * number the API checks). Without the page script the limit is only said in the field's
 * hint and the server refuses a longer text, keeping everything entered. With the script a
 * counter ("1.234 / 5.000 karakter") follows the typing, and a text over the limit is let
 * in (a paste is never cut silently) but marks the field invalid, says by how much, and
 * blocks sending (the control's custom validity).
 *
 * The visible counter is hidden from screen readers, which would hear every keystroke; a
 * polite status region says the count once the typing pauses, and says at once when the
 * text goes over (or back under) the limit.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { countCharacters, formatCount } from './formats';

/** How long the typing must pause before the count is announced. */
const ANNOUNCE_AFTER_MS = 1200;

export function counterId(id: string): string {
  return `${id}-counter`;
}

export function overLimitId(id: string): string {
  return `${id}-over`;
}

export interface LengthLimit {
  /** Called with the control's value on every input. */
  onInput: (value: string) => void;
  /** The count once the script runs (null before). */
  count: number | null;
  over: boolean;
  /** The reporter typed or pasted (nothing is announced before). */
  typed: boolean;
  /** The over-limit message's id, for aria-describedby, while it is shown. */
  describedBy: string | null;
}

export function useLengthLimit(id: string, max: number | null, control: RefObject<HTMLInputElement | HTMLTextAreaElement | null>): LengthLimit {
  const { locale, t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  const [typed, setTyped] = useState(false);
  const over = max !== null && count !== null && count > max;

  // The value the server gave back (a refused form) is counted as soon as the script runs.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, when the page script takes over.
  useEffect(() => {
    if (max !== null && control.current) setCount(countCharacters(control.current.value));
  }, []);

  useEffect(() => {
    const element = control.current;
    if (!element || max === null || count === null) return;
    element.setCustomValidity(over ? t('form.overLimit', { over: formatCount(count - max, locale), max: formatCount(max, locale) }) : '');
  }, [over, count, max, control, t, locale]);

  return {
    onInput: (value) => {
      if (max === null) return;
      setCount(countCharacters(value));
      setTyped(true);
    },
    count,
    over,
    typed,
    describedBy: over ? overLimitId(id) : null,
  };
}

/** The counter under a field, and the message when the text is over the limit. */
export function LengthCounter({ id, max, limit }: { id: string; max: number; limit: LengthLimit }) {
  const { locale, t } = useTranslation();
  const [announced, setAnnounced] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wasOver = useRef(limit.over);
  const { count, over, typed } = limit;

  useEffect(() => {
    if (count === null || !typed) return;
    const text = t('form.counter', { count: formatCount(count, locale), max: formatCount(max, locale) });
    if (timer.current) clearTimeout(timer.current);
    if (over !== wasOver.current) {
      // Going over (or back under) is said at once.
      wasOver.current = over;
      setAnnounced(over ? `${text}. ${t('form.overLimit', { over: formatCount(count - max, locale), max: formatCount(max, locale) })}` : text);
      return;
    }
    timer.current = setTimeout(() => setAnnounced(text), ANNOUNCE_AFTER_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [count, over, typed, max, locale, t]);

  if (count === null) return null;
  return (
    <>
      <p className={over ? 'counter over' : 'counter'} id={counterId(id)} aria-hidden="true" data-counter={over ? 'over' : 'ok'}>
        {t('form.counter', { count: formatCount(count, locale), max: formatCount(max, locale) })}
      </p>
      {over ? (
        <p className="field-error" id={overLimitId(id)}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t('form.overLimit', { over: formatCount(count - max, locale), max: formatCount(max, locale) })}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
