/**
 * Checks a report's answers against the tenant's own form: required fields, lengths,
 * dates not in the future (in the tenant's time zone), options, unknown fields. Every
 * problem names its field, in the reporter's language.
 */
import { findFieldMaxLength, type FORM_FIELD_TYPES } from '../config/tenant-files.schema.ts';
import type { Locale } from '../i18n/locale.ts';
import { reportMessage } from './report-messages.ts';

export interface FormFieldDefinition {
  key: string;
  type: (typeof FORM_FIELD_TYPES)[number];
  required: boolean;
  maxLength?: number;
  options?: { value: string }[];
}

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function validateAnswers(
  fields: readonly FormFieldDefinition[],
  answers: readonly { field: string; value: string }[],
  options: { locale: Locale; today: string },
): { values: Record<string, string>; issues: FieldIssue[] } {
  const { locale, today } = options;
  const issues: FieldIssue[] = [];
  const values: Record<string, string> = {};
  const byKey = new Map(fields.map((field) => [field.key, field]));
  for (const answer of answers) {
    const path = ['answers', answer.field];
    if (!byKey.has(answer.field)) issues.push({ path, message: reportMessage('unknownField', locale) });
    else if (answer.field in values) issues.push({ path, message: reportMessage('duplicateField', locale) });
    else values[answer.field] = answer.value.normalize('NFC').trim();
  }
  for (const field of fields) {
    const path = ['answers', field.key];
    const value = values[field.key] ?? '';
    if (value === '') {
      delete values[field.key];
      if (field.required) issues.push({ path, message: reportMessage('required', locale) });
      continue;
    }
    const max = findFieldMaxLength(field);
    if ([...value].length > max) {
      issues.push({ path, message: reportMessage('tooLong', locale, { max }) });
      continue;
    }
    if (field.type === 'DATE') {
      if (!isRealDate(value)) issues.push({ path, message: reportMessage('badDate', locale) });
      else if (value > today) issues.push({ path, message: reportMessage('futureDate', locale) });
    } else if (field.type === 'SELECT' && !field.options?.some((option) => option.value === value)) {
      issues.push({ path, message: reportMessage('notAnOption', locale) });
    } else if (field.type === 'NUMBER' && !/^-?\d+(?:[.,]\d+)?$/.test(value.replace(/\./g, '').replace(/\s/g, ''))) {
      issues.push({ path, message: reportMessage('notANumber', locale) });
    }
  }
  return { values, issues };
}
