/**
 * The one shape of the case page's forms: an optional response-template picker (a small GET
 * form before the form it fills), then a plain POST form with its intent, the problems of its
 * last refusal, its own controls, the text (reason, message, answer, note) and its buttons.
 * What was typed comes back after a refusal; otherwise a chosen template's text fills it.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { TemplateUse } from '../graphql/generated/graphql';
import type { ResponseTemplate } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { describedBy, FieldError, Hint } from '../reporting/form-controls';
import { findProblems, type FormProblem } from '../reporting/report-form-data';
import type { CaseActionData, FormIntent } from './case-action-data';

/** A response template chosen with the small GET form (`?untuk=<use>&templat=<key>`). */
export interface ChosenTemplate {
  use: TemplateUse;
  key: string;
  name: string;
  body: string;
}

/** What every form of the page shares: the last refusal, the templates, where the page is. */
export interface ActionFormsValue {
  result: CaseActionData | undefined;
  templates: ResponseTemplate[];
  chosenTemplate: ChosenTemplate | null;
  casePath: string;
}

export const ActionForms = createContext<ActionFormsValue>({ result: undefined, templates: [], chosenTemplate: null, casePath: '' });

/** One form's view of the last refusal: only when it was this form that was refused. */
export interface FormState {
  refused: boolean;
  /** What was typed into a control (by name), or the fallback. */
  value(name: string, fallback?: string): string;
  /** The problems of one control (by id). */
  problems(field: string): FormProblem[];
}

export function useFormState(intent: FormIntent, match?: (values: Record<string, string>) => boolean): FormState {
  const { result } = useContext(ActionForms);
  const refused = Boolean(result && result.intent === intent && (!match || match(result.values)));
  return {
    refused,
    value: (name, fallback = '') => (refused ? (result!.values[name] ?? fallback) : fallback),
    problems: (field) => (refused ? findProblems(result!.problems, field) : []),
  };
}

/**
 * Picks a response template for one textarea: a GET form (works without a script) that
 * loads the page again with the template's text in that textarea. It sits before the
 * textarea's own form, never inside it.
 */
function TemplatePicker({ use, target }: { use: TemplateUse; target: string }) {
  const { t } = useTranslation();
  const { templates, chosenTemplate, casePath } = useContext(ActionForms);
  const usable = templates.filter((template) => template.uses.includes(use));
  if (usable.length === 0) return null;
  const id = `templat-${use}`;
  return (
    <form method="get" action={`${casePath}#${target}`} className="template-picker" data-template-picker={use}>
      <input type="hidden" name="untuk" value={use} />
      <label htmlFor={id}>{t('template.label', { use: t(`templateUse.${use}`) })}</label>
      <div className="inline-field">
        <select id={id} name="templat" defaultValue={chosenTemplate?.use === use ? chosenTemplate.key : usable[0]!.key}>
          {usable.map((template) => (
            <option key={template.key} value={template.key}>
              {template.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          {t('template.use')}
        </button>
      </div>
    </form>
  );
}

function TemplateApplied({ use }: { use: TemplateUse }) {
  const { t } = useTranslation();
  const { chosenTemplate } = useContext(ActionForms);
  if (chosenTemplate?.use !== use) return null;
  return (
    <p className="note" role="status" data-template-applied={use}>
      {t('template.applied', { name: chosenTemplate.name })}
    </p>
  );
}

/** The problems of a refusal that belong to no control, at the top of the refused form. */
export function GeneralProblems({ state }: { state: FormState }) {
  const { result } = useContext(ActionForms);
  if (!state.refused || !result) return null;
  const general = result.problems.filter((problem) => problem.field === null);
  if (general.length === 0) return null;
  return (
    <div className="problem" data-problem>
      {general.map((problem, index) => (
        <p key={index}>{problem.message}</p>
      ))}
    </div>
  );
}

export interface TextControl {
  id: string;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  /** The text before anything was typed or chosen (an open draft). */
  initial?: string;
}

export function TextArea({ control, problems, value }: { control: TextControl; problems: FormProblem[]; value: string }) {
  const { t } = useTranslation();
  const { id, name, label, hint, required = true, rows = 4 } = control;
  return (
    <div className={problems.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label} <span className={required ? 'mark required' : 'mark'}>{t(required ? 'action.required' : 'action.optional')}</span>
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <FieldError id={id} problems={problems} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={10_000}
        defaultValue={value}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), problems })}
      />
    </div>
  );
}

type Slot = ReactNode | ((state: FormState) => ReactNode);

/**
 * A case action: the template picker for `template`, then the POST form with `intent` (and
 * `hidden` fields), its refusal's problems, `before` (its own controls), the text, `after`,
 * and `children` (its buttons). `match` tells this form's refusal from a sibling's of the same
 * intent (one form per transition).
 */
export function TextActionForm({
  intent,
  hidden = {},
  match,
  template,
  text,
  before,
  after,
  children,
  heading,
  hook,
  className = 'action-block',
  formClassName,
}: {
  intent: FormIntent;
  hidden?: Record<string, string>;
  match?: (values: Record<string, string>) => boolean;
  template?: TemplateUse;
  text?: TextControl;
  before?: Slot;
  after?: Slot;
  children: ReactNode;
  heading?: ReactNode;
  hook?: string;
  className?: string;
  formClassName?: string;
}) {
  const state = useFormState(intent, match);
  const { chosenTemplate } = useContext(ActionForms);
  const render = (slot: Slot) => (typeof slot === 'function' ? slot(state) : slot);
  const prefill = template && chosenTemplate?.use === template ? chosenTemplate.body : (text?.initial ?? '');
  return (
    <div className={className} data-action={hook}>
      {heading ? <h3>{heading}</h3> : null}
      {template && text ? <TemplatePicker use={template} target={text.id} /> : null}
      <form method="post" className={formClassName}>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <GeneralProblems state={state} />
        {render(before)}
        {text ? <TextArea control={text} problems={state.problems(text.id)} value={state.refused ? state.value(text.name) : prefill} /> : null}
        {template ? <TemplateApplied use={template} /> : null}
        {render(after)}
        {children}
      </form>
    </div>
  );
}
