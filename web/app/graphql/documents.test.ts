/**
 * The documents must stay valid against the API's committed schema (the generator checks that too,
 * in `pnpm typecheck`), and every enum value the pages name in words has its words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, isEnumType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages';
import { findSpreads, readFragments, withFragments } from './fragments';

const here = new URL('./', import.meta.url);
const schema = buildSchema(readFileSync(new URL('../../../api/schema.graphql', here), 'utf8'));
const FRAGMENTS_FILE = 'fragments.graphql';
const documents = readdirSync(here).filter((name) => name.endsWith('.graphql') && name !== FRAGMENTS_FILE);
const fragmentsText = readFileSync(new URL(FRAGMENTS_FILE, here), 'utf8');
const fragments = readFragments(fragmentsText);
/** A document as the server sends it: with the shared fragments it spreads. */
const sent = (name: string) => withFragments(readFileSync(new URL(name, here), 'utf8'), fragments);

describe('GraphQL documents', () => {
  it('exist', () => {
    expect(documents).toEqual(
      expect.arrayContaining(['directory.graphql', 'tenant-portal.graphql', 'reporting-tenant.graphql', 'submit-report.graphql', 'track-report.graphql']),
    );
  });

  it.each(documents)('%s is valid against api/schema.graphql', (name) => {
    const errors = validate(schema, parse(sent(name)));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it.each(documents)('%s holds one operation, named like the file', (name) => {
    const operations = parse(readFileSync(new URL(name, here), 'utf8')).definitions.filter((definition) => definition.kind === 'OperationDefinition');
    expect(operations).toHaveLength(1);
    const pascal = name.replace(/\.graphql$/, '').replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());
    expect(operations[0]!.name?.value).toBe(pascal);
  });
});

describe('documents.server.ts', () => {
  const source = readFileSync(new URL('documents.server.ts', here), 'utf8');
  const imports = new Map([...source.matchAll(/^import (\w+) from '\.\/([\w-]+)\.graphql\?raw';$/gm)].map((match) => [match[1]!, match[2]!]));
  const definitions = [...source.matchAll(/export const (\w+)Document: Document<(\w+), (\w+)> = define\(\s*'(\w+)',\s*(\w+),?\s*\)/g)];

  it('defines a document for each operation file it imports, and imports every query and mutation', () => {
    expect(definitions.length).toBe(imports.size - 1);
    const operations = documents.filter((name) => !/^\s*subscription\s/m.test(readFileSync(new URL(name, here), 'utf8')));
    expect([...imports.values()].filter((file) => file !== 'fragments').sort()).toEqual(operations.map((name) => name.replace(/\.graphql$/, '')).sort());
  });

  it.each(definitions.map((match) => [match[1]!, match]))('pairs %s with its own file and its own generated types', (_, match) => {
    const [, exported, result, variables, operationName, text] = match;
    const kind = /^(Query|Mutation|Subscription)$/;
    expect(operationName).toBe(exported);
    expect(result!.slice(0, operationName!.length)).toBe(operationName);
    expect(result!.slice(operationName!.length)).toMatch(kind);
    expect(variables).toBe(`${result}Variables`);
    const file = imports.get(text!);
    expect(file?.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase())).toBe(operationName);
  });
});

describe('shared fragments', () => {
  const definitions = parse(fragmentsText).definitions;

  it('holds fragments only, each read by name as the server reads them', () => {
    expect(definitions.every((definition) => definition.kind === 'FragmentDefinition')).toBe(true);
    const names = definitions.map((definition) => (definition.kind === 'FragmentDefinition' ? definition.name.value : ''));
    expect([...fragments.keys()]).toEqual(names);
    for (const name of names) expect(parse(fragments.get(name)!).definitions).toHaveLength(1);
  });

  it('are each spread by some document', () => {
    const spread = new Set(documents.flatMap((name) => findSpreads(sent(name))));
    expect([...fragments.keys()].filter((name) => !spread.has(name))).toEqual([]);
  });

  it('are appended once each, with the fragments they spread, and never to a document that needs none', () => {
    const text = 'fragment A on Query { b { ...B } }\nfragment B on Thing { id ... on Other { id } }\nfragment C on Query { c }';
    const read = readFragments(text);
    const composed = withFragments('query Q { ...A ...A }', read);
    expect(parse(composed).definitions.map((definition) => ('name' in definition ? definition.name?.value : null))).toEqual(['Q', 'A', 'B']);
    expect(withFragments('query Q { a }', read)).toBe('query Q { a }');
    expect(() => withFragments('query Q { ...Missing }', read)).toThrow(/Missing/);
  });
});

/** Enums whose values the pages name in words, and the catalog prefix of those words. */
const LABELLED: Record<string, string> = {
  TenantKind: 'tenantKind',
  ReportCriteria: 'criteria',
  CriterionElement: 'criterion',
  IdentityMode: 'identityMode',
  ReporterDetail: 'reporterDetail',
  ChannelKind: 'channelKind',
  ContactKind: 'contactKind',
  CaseStatus: 'caseStatus',
  CaseEventKind: 'caseEvent',
  MessageAuthor: 'messageAuthor',
  CasePriority: 'priority',
  CaseTransition: 'transition',
  NoteKind: 'noteKind',
  AnswerStatus: 'answerStatus',
  EventVisibility: 'visibility',
  ActorKind: 'actorKind',
  ExclusionKind: 'exclusionKind',
  StaffRole: 'staffRole',
  TemplateUse: 'templateUse',
  DuplicateReason: 'duplicateReason',
  RevealRequestStatus: 'revealStatus',
  StaffNotificationKind: 'notificationKind',
  EscalationSource: 'escalationSource',
  AuditAction: 'auditAction',
};

describe.each(Object.entries(LABELLED))('words for enum %s', (name, prefix) => {
  it('exist for every value of the schema in both languages', () => {
    const type = schema.getType(name);
    expect(isEnumType(type)).toBe(true);
    if (!isEnumType(type)) return;
    for (const { name: value } of type.getValues()) {
      const key = `${prefix}.${value}`;
      expect(messages.id, key).toHaveProperty([key]);
      expect(messages.en, key).toHaveProperty([key]);
    }
  });
});
