/**
 * The normalised configuration of one tenant: the definition from its files with forms
 * resolved into case types and defaults made explicit. It is hashed (to make a sync of
 * unchanged files a no-op), stored with every configuration version, and diffed.
 */
import { createHash } from 'node:crypto';
import diff from 'microdiff';
import { stringify } from 'safe-stable-stringify';
import { CONFIDENTIAL_CASE_TYPE_KINDS, type TenantDefinition } from './tenant-files.schema.ts';

export type FormDefinition = TenantDefinition['forms'][number];

export interface TenantConfigSnapshot extends Omit<TenantDefinition, 'caseTypes' | 'forms'> {
  caseTypes: (Omit<TenantDefinition['caseTypes'][number], 'form' | 'identity'> & {
    form: FormDefinition;
    identity: TenantDefinition['caseTypes'][number]['identity'] & { confidential: boolean };
  })[];
}

export function buildSnapshot(definition: TenantDefinition): TenantConfigSnapshot {
  const forms = new Map(definition.forms.map((form) => [form.key, form]));
  const { forms: _forms, ...rest } = definition;
  return {
    ...rest,
    caseTypes: definition.caseTypes.map((caseType) => ({
      ...caseType,
      form: forms.get(caseType.form)!,
      identity: {
        ...caseType.identity,
        confidential: caseType.identity.confidential ?? CONFIDENTIAL_CASE_TYPE_KINDS.has(caseType.kind),
      },
    })),
  };
}

export function hashSnapshot(snapshot: TenantConfigSnapshot): string {
  return createHash('sha256')
    .update(stringify(snapshot) ?? '')
    .digest('hex');
}

export interface ConfigChange {
  kind: 'CREATE' | 'REMOVE' | 'CHANGE';
  /** Dotted path; lists of keyed items are addressed by key, e.g. `caseTypes.whistleblowing.name.id`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/** Lists of objects with a `key` (or a `date`) become maps, so a reorder or insert is not a change to every item. */
function keyed(value: unknown): unknown {
  if (Array.isArray(value)) {
    const identity = (item: unknown) =>
      item && typeof item === 'object' ? ((item as { key?: unknown; date?: unknown }).key ?? (item as { date?: unknown }).date) : undefined;
    if (value.length > 0 && value.every((item) => typeof identity(item) === 'string')) {
      return Object.fromEntries(value.map((item) => [identity(item) as string, keyed(item)]));
    }
    return value.map(keyed);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, keyed(inner)]));
  }
  return value;
}

export function diffSnapshots(before: TenantConfigSnapshot | null, after: TenantConfigSnapshot): ConfigChange[] {
  const from = (before ? keyed(before) : {}) as Record<string, unknown>;
  const to = keyed(after) as Record<string, unknown>;
  return diff(from, to).map((change) => ({
    kind: change.type,
    path: change.path.join('.'),
    ...('oldValue' in change ? { before: change.oldValue } : {}),
    ...('value' in change ? { after: change.value } : {}),
  }));
}
