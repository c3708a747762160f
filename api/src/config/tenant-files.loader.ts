/**
 * Reads `tenants/`, validates every file against `tenant-files.schema.ts`, checks the
 * references between files, and returns the definitions. Every problem is reported with
 * the file, the field path and what is wrong; nothing is half-loaded.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { DOWNLOADS_FOLDER, TENANT_FILES, provincesFile, type ProvinceDefinition, type TenantDefinition, type TenantFileName } from './tenant-files.schema.ts';

export interface TenantFileIssue {
  /** Path relative to the tenants folder, e.g. `bontang/case-types.yaml`. */
  file: string;
  /** Dotted field path inside the file, e.g. `2.identity.allowed`; empty for the whole file. */
  field: string;
  message: string;
}

export class TenantFilesInvalidError extends Error {
  readonly issues: TenantFileIssue[];
  constructor(issues: TenantFileIssue[]) {
    super(`tenant files are invalid:\n${issues.map((issue) => `  ${issue.file}${issue.field ? ` › ${issue.field}` : ''}: ${issue.message}`).join('\n')}`);
    this.name = 'TenantFilesInvalidError';
    this.issues = issues;
  }
}

export interface TenantFilesBundle {
  provinces: ProvinceDefinition[];
  tenants: TenantDefinition[];
}

export const PROVINCES_FILE = 'provinces.yaml';

async function readYaml(file: string, relative: string, issues: TenantFileIssue[]): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = error.linePos?.[0];
      issues.push({
        file: relative,
        field: '',
        message: `not valid YAML${line ? ` (line ${line.line}, column ${line.col})` : ''}: ${error.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  return document.toJS();
}

function collectZodIssues(relative: string, error: z.ZodError, issues: TenantFileIssue[]) {
  for (const issue of error.issues) {
    issues.push({ file: relative, field: issue.path.join('.'), message: issue.message });
  }
}

async function parseFile<S extends z.ZodType>(schema: S, file: string, relative: string, issues: TenantFileIssue[]): Promise<z.output<S> | undefined> {
  const raw = await readYaml(file, relative, issues);
  if (raw === undefined && issues.some((issue) => issue.file === relative)) return undefined;
  const result = schema.safeParse(raw ?? null);
  if (!result.success) {
    collectZodIssues(relative, result.error, issues);
    return undefined;
  }
  return result.data;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function loadTenantFolder(root: string, folder: string, issues: TenantFileIssue[]): Promise<TenantDefinition | undefined> {
  const dir = path.join(root, folder);
  const present = new Set(await readdir(dir));
  for (const name of present) {
    if (!(name in TENANT_FILES) && name.endsWith('.yaml')) {
      issues.push({
        file: `${folder}/${name}`,
        field: '',
        message: `unknown file; expected one of ${Object.keys(TENANT_FILES).join(', ')}`,
      });
    }
  }
  const parsed: Partial<Record<TenantFileName, unknown>> = {};
  const before = issues.length;
  for (const [name, spec] of Object.entries(TENANT_FILES) as [TenantFileName, (typeof TENANT_FILES)[TenantFileName]][]) {
    const relative = `${folder}/${name}`;
    if (!present.has(name)) {
      if (spec.required) issues.push({ file: relative, field: '', message: 'file is missing' });
      else parsed[name] = [];
      continue;
    }
    parsed[name] = await parseFile(spec.schema, path.join(dir, name), relative, issues);
  }
  if (issues.length > before) return undefined;
  const definition = {
    tenant: parsed['tenant.yaml'],
    theme: parsed['theme.yaml'],
    serviceStandards: parsed['service-standards.yaml'],
    channels: parsed['channels.yaml'],
    forms: parsed['forms.yaml'],
    caseTypes: parsed['case-types.yaml'],
    slaPolicies: parsed['sla-policies.yaml'],
    categories: parsed['categories.yaml'],
    faq: parsed['faq.yaml'],
    daysOff: parsed['days-off.yaml'],
    responseTemplates: parsed['response-templates.yaml'],
  } as TenantDefinition;
  if (definition.tenant.slug !== folder) {
    issues.push({
      file: `${folder}/tenant.yaml`,
      field: 'slug',
      message: `must equal the folder name "${folder}"`,
    });
  }
  checkReferences(folder, definition, issues);
  await checkDownloads(dir, folder, definition, issues);
  return definition;
}

/** Each case type's downloads: unique keys, and a regular file of that name in `documents/`. */
async function checkDownloads(dir: string, folder: string, definition: TenantDefinition, issues: TenantFileIssue[]) {
  for (const [index, caseType] of definition.caseTypes.entries()) {
    checkUnique(caseType.downloads, (item) => item.key, `${folder}/case-types.yaml`, `${index}.downloads.key`, issues);
    for (const [downloadIndex, download] of caseType.downloads.entries()) {
      const found = await stat(path.join(dir, DOWNLOADS_FOLDER, download.file)).catch(() => null);
      if (!found?.isFile()) {
        issues.push({
          file: `${folder}/case-types.yaml`,
          field: `${index}.downloads.${downloadIndex}.file`,
          message: `no file "${download.file}" in ${folder}/${DOWNLOADS_FOLDER}/`,
        });
      }
    }
  }
}

function checkUnique<T>(items: T[], keyOf: (item: T) => string, file: string, field: string, issues: TenantFileIssue[]) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = keyOf(item);
    if (seen.has(value)) issues.push({ file, field: `${index}.${field}`, message: `duplicate ${field} "${value}"` });
    seen.add(value);
  });
}

function checkReferences(folder: string, definition: TenantDefinition, issues: TenantFileIssue[]) {
  const file = (name: TenantFileName) => `${folder}/${name}`;
  checkUnique(definition.serviceStandards, (item) => item.key, file('service-standards.yaml'), 'key', issues);
  checkUnique(definition.channels, (item) => item.key, file('channels.yaml'), 'key', issues);
  checkUnique(definition.forms, (item) => item.key, file('forms.yaml'), 'key', issues);
  checkUnique(definition.caseTypes, (item) => item.key, file('case-types.yaml'), 'key', issues);
  checkUnique(definition.slaPolicies, (item) => item.key, file('sla-policies.yaml'), 'key', issues);
  checkUnique(definition.categories, (item) => item.key, file('categories.yaml'), 'key', issues);
  checkUnique(definition.daysOff, (item) => item.date, file('days-off.yaml'), 'date', issues);
  checkUnique(definition.responseTemplates, (item) => item.key, file('response-templates.yaml'), 'key', issues);

  const forms = new Set(definition.forms.map((form) => form.key));
  const policies = new Set(definition.slaPolicies.map((policy) => policy.key));
  const caseTypes = new Set(definition.caseTypes.map((caseType) => caseType.key));
  definition.caseTypes.forEach((caseType, index) => {
    if (!forms.has(caseType.form)) {
      issues.push({ file: file('case-types.yaml'), field: `${index}.form`, message: `no form "${caseType.form}" in forms.yaml` });
    }
    if (caseType.slaPolicy && !policies.has(caseType.slaPolicy)) {
      issues.push({
        file: file('case-types.yaml'),
        field: `${index}.slaPolicy`,
        message: `no SLA policy "${caseType.slaPolicy}" in sla-policies.yaml`,
      });
    }
  });
  const checkCaseTypeRefs = (name: TenantFileName, items: { caseTypes: string[] }[]) => {
    for (const [index, item] of items.entries()) {
      for (const [refIndex, ref] of item.caseTypes.entries()) {
        if (!caseTypes.has(ref)) {
          issues.push({ file: file(name), field: `${index}.caseTypes.${refIndex}`, message: `no case type "${ref}" in case-types.yaml` });
        }
      }
    }
  };
  checkCaseTypeRefs('channels.yaml', definition.channels);
  checkCaseTypeRefs('service-standards.yaml', definition.serviceStandards);
}

/** Loads and validates the whole `tenants/` folder; throws `TenantFilesInvalidError` listing every problem. */
export async function loadTenantFiles(root: string): Promise<TenantFilesBundle> {
  const issues: TenantFileIssue[] = [];
  const provincesPath = path.join(root, PROVINCES_FILE);
  let provinces: ProvinceDefinition[] = [];
  if (await exists(provincesPath)) {
    provinces = (await parseFile(provincesFile, provincesPath, PROVINCES_FILE, issues)) ?? [];
    checkUnique(provinces, (item) => item.slug, PROVINCES_FILE, 'slug', issues);
  } else {
    issues.push({ file: PROVINCES_FILE, field: '', message: 'file is missing' });
  }

  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const tenants: TenantDefinition[] = [];
  for (const folder of folders) {
    const definition = await loadTenantFolder(root, folder, issues);
    if (definition) tenants.push(definition);
  }

  const provinceSlugs = new Set(provinces.map((province) => province.slug));
  const prefixes = new Map<string, string>();
  const hostnames = new Map<string, string>();
  for (const { tenant } of tenants) {
    const file = `${tenant.slug}/tenant.yaml`;
    if (!provinceSlugs.has(tenant.province)) {
      issues.push({ file, field: 'province', message: `no province "${tenant.province}" in ${PROVINCES_FILE}` });
    }
    const prefixOwner = prefixes.get(tenant.registrationPrefix);
    if (prefixOwner) {
      issues.push({ file, field: 'registrationPrefix', message: `"${tenant.registrationPrefix}" is already used by ${prefixOwner}` });
    }
    prefixes.set(tenant.registrationPrefix, tenant.slug);
    tenant.hostnames.forEach((host, index) => {
      const owner = hostnames.get(host);
      if (owner) issues.push({ file, field: `hostnames.${index}`, message: `"${host}" is already used by ${owner}` });
      hostnames.set(host, tenant.slug);
    });
  }

  if (issues.length > 0) throw new TenantFilesInvalidError(issues);
  return { provinces, tenants };
}
