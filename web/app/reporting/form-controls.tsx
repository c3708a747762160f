/**
 * The pieces every reporter form uses: a field's hint and error (tied to the control by
 * aria-describedby), the "wajib" mark, and the summary of problems at the top, whose links
 * jump to each field.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { ERROR_SUMMARY_ID } from './form-ids';
import type { FormProblem } from './report-form-data';

export function hintId(id: string): string {
  return `${id}-hint`;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

/** aria-describedby for a control: its hint and its error, when they are shown. */
export function describedBy(id: string, options: { hint?: boolean; problems?: readonly FormProblem[] }): string | undefined {
  const ids = [options.hint ? hintId(id) : null, options.problems && options.problems.length > 0 ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return <span className={required ? 'mark required' : 'mark'}>{t(required ? 'form.required' : 'form.optional')}</span>;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="hint" id={hintId(id)}>
      {children}
    </p>
  );
}

export function FieldError({ id, problems }: { id: string; problems: readonly FormProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <p className="field-error" id={errorId(id)}>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {problems.map((problem) => problem.message).join('; ')}
    </p>
  );
}

/** The problems of a refused form, first on the page; focused when the page script runs. */
export function ErrorSummary({ problems }: { problems: readonly FormProblem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" id={ERROR_SUMMARY_ID} role="alert" aria-labelledby={`${ERROR_SUMMARY_ID}-title`} tabIndex={-1} ref={ref}>
      <h2 id={`${ERROR_SUMMARY_ID}-title`}>{t('form.errorSummary')}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.field ? <a href={`#${problem.field}`}>{problem.label ? `${problem.label}: ${problem.message}` : problem.message}</a> : problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
