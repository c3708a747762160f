/** The helpers over generated enums: membership from outside input, and a page's order that must name every value. */
import { describe, expect, it } from 'vitest';
import { isValueOf, listInOrder, valuesOf } from './enum-values';
import { CasePriority, type NoteKind } from './generated/graphql';

describe('enum values', () => {
  it('tell a value of the enum from any other input', () => {
    expect(isValueOf(CasePriority, 'URGENT')).toBe(true);
    expect(isValueOf(CasePriority, 'urgent')).toBe(false);
    expect(isValueOf(CasePriority, 'toString')).toBe(false);
    expect(isValueOf(CasePriority, undefined)).toBe(false);
    expect(valuesOf(CasePriority).sort()).toEqual(['HIGH', 'LOW', 'NORMAL', 'URGENT']);
  });

  it('list a page order as written, and refuse at compile time an order missing a value or naming an unknown one', () => {
    expect(listInOrder<NoteKind>({ NOTE: true, FOLLOW_UP: true, COORDINATION: true })).toEqual(['NOTE', 'FOLLOW_UP', 'COORDINATION']);
    // @ts-expect-error COORDINATION is missing: a value added to the schema needs its place.
    listInOrder<NoteKind>({ NOTE: true, FOLLOW_UP: true });
    // @ts-expect-error MEMO is not a NoteKind: a value removed from the schema must leave the page.
    listInOrder<NoteKind>({ NOTE: true, FOLLOW_UP: true, COORDINATION: true, MEMO: true });
  });
});
