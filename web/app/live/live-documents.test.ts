/** The live report replaces the shown one, so it must carry every field the track page reads. */
import { readFileSync } from 'node:fs';
import { parse, print, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';

const read = (name: string) => readFileSync(new URL(`../graphql/${name}`, import.meta.url), 'utf8');

function fieldOf(selection: SelectionSetNode, name: string): FieldNode {
  const field = selection.selections.find((item): item is FieldNode => item.kind === 'Field' && item.name.value === name);
  if (!field?.selectionSet) throw new Error(`no ${name}`);
  return field;
}

function rootSelection(source: string): SelectionSetNode {
  return (parse(source).definitions[0] as OperationDefinitionNode).selectionSet;
}

describe('the live report', () => {
  it("selects the TrackReport query's fields, but for the live cursor", () => {
    const tracked = fieldOf(rootSelection(read('track-report.graphql')), 'trackReport').selectionSet!;
    const live = fieldOf(fieldOf(rootSelection(read('report-updates.graphql')), 'reportUpdates').selectionSet!, 'report').selectionSet!;
    const withoutCursor = { ...tracked, selections: tracked.selections.filter((item) => !(item.kind === 'Field' && item.name.value === 'liveCursor')) };
    expect(print(live)).toBe(print(withoutCursor));
  });
});
