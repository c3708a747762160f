/** A test that prints console.error fails: errors must be asserted, never just printed. */
import { afterEach, beforeEach, expect, vi } from 'vitest';

let spy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  spy = vi.spyOn(console, 'error');
});

afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockRestore();
  expect(calls, 'console.error was called during the test').toEqual([]);
});
