import { describe, expect, it } from 'vitest';
import { sqlFormatOf, sqlLiteral, SWEEP_MESSAGES } from './sla-sweep.messages.ts';

describe('the sweep messages as SQL', () => {
  it("numbers each language's placeholders, joins the languages, and escapes % and quotes", () => {
    const format = sqlFormatOf({ id: '{a} 100% {b}', en: "{b}'s {a}" }, { id: { a: 1, b: 2 }, en: { a: 1, b: 3 } });
    expect(format).toBe("%1$s 100%% %2$s / %3$s's %1$s");
    expect(sqlLiteral(format)).toBe("'%1$s 100%% %2$s / %3$s''s %1$s'");
  });

  it('refuses a placeholder without an argument rather than writing it out to the reporter', () => {
    expect(() => sqlFormatOf(SWEEP_MESSAGES.silenceNotice, { id: { day: 1, month: 2 }, en: { day: 1, month: 4, year: 3 } })).toThrow('{year}');
  });
});
