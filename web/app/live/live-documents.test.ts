/**
 * The browser's live client sends these documents as they are: each must be whole (the
 * fragments it spreads appended) and valid against the API's schema, and the live report
 * (which replaces the shown one) must select what the track page's query selects.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, parse, print, validate, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readFragments, withFragments } from '../graphql/fragments';
import { CASE_COUNTERS_UPDATES, CASE_UPDATES, INBOX_UPDATES, REPORT_UPDATES } from './live-documents';

const schema = buildSchema(readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'));
const read = (name: string) => readFileSync(new URL(`../graphql/${name}`, import.meta.url), 'utf8');

function fieldOf(selection: SelectionSetNode, name: string): FieldNode {
  const field = selection.selections.find((item): item is FieldNode => item.kind === 'Field' && item.name.value === name);
  if (!field?.selectionSet) throw new Error(`no ${name}`);
  return field;
}

describe('the live documents', () => {
  it.each([REPORT_UPDATES, INBOX_UPDATES, CASE_UPDATES, CASE_COUNTERS_UPDATES])('are whole and valid: %#', (document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it("give the live report the TrackReport query's fields, but for the live cursor", () => {
    const fragments = readFragments(read('fragments.graphql'));
    const rootOf = (source: string) => (parse(withFragments(source, fragments)).definitions[0] as OperationDefinitionNode).selectionSet;
    const tracked = fieldOf(rootOf(read('track-report.graphql')), 'trackReport').selectionSet!;
    const live = fieldOf(fieldOf(rootOf(read('report-updates.graphql')), 'reportUpdates').selectionSet!, 'report').selectionSet!;
    const withoutCursor = { ...tracked, selections: tracked.selections.filter((item) => !(item.kind === 'Field' && item.name.value === 'liveCursor')) };
    expect(print(live)).toBe(print(withoutCursor));
  });
});
