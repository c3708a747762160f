import { describe, expect, it } from 'vitest';
import { createSeenCursors, follow, retryDelay, shouldRetry, SEEN_CURSORS_LIMIT, type LiveSink, type Subscribe } from './live-follow';

type Data = { updates: { cursor: string; signal: 'EVENT' | 'RELOAD' } };

/** A fake graphql-ws `subscribe`: records each start and hands the test its sink. */
function fakeServer() {
  const started: { variables: Record<string, unknown>; sink: LiveSink<Data>; stopped: boolean }[] = [];
  const subscribe: Subscribe = (payload, sink) => {
    const entry = { variables: payload.variables, sink: sink as unknown as LiveSink<Data>, stopped: false };
    started.push(entry);
    return () => {
      entry.stopped = true;
    };
  };
  const timers: { run: () => void; ms: number }[] = [];
  const schedule = (run: () => void, ms: number) => {
    const timer = { run, ms };
    timers.push(timer);
    return () => timers.splice(timers.indexOf(timer), 1);
  };
  const send = (cursor: string, signal: 'EVENT' | 'RELOAD' = 'EVENT') => started.at(-1)!.sink.next({ data: { updates: { cursor, signal } } });
  return { started, timers, subscribe, schedule, send };
}

function start(server: ReturnType<typeof fakeServer>, after: string | null) {
  const seen: string[] = [];
  const states: boolean[] = [];
  const stop = follow<Data, Data['updates']>({
    subscribe: server.subscribe,
    schedule: server.schedule,
    random: () => 0.5,
    query: 'subscription { updates }',
    variables: { id: 'x' },
    after,
    select: (data) => data.updates,
    onUpdate: (update) => seen.push(`${update.signal}:${update.cursor}`),
    onState: (live) => states.push(live),
  });
  return { seen, states, stop };
}

describe('following a live stream', () => {
  it("subscribes from the page's cursor and skips what it already has, by equality alone", () => {
    const server = fakeServer();
    // Opaque tokens, as the API gives them: their order means nothing.
    const { seen } = start(server, 'pQ2x');
    expect(server.started[0]!.variables).toEqual({ id: 'x', after: 'pQ2x' });
    server.send('pQ2x');
    server.send('Zk9a');
    server.send('Zk9a');
    server.send('A0b1');
    server.send('Zk9a');
    expect(seen).toEqual(['EVENT:Zk9a', 'EVENT:A0b1']);
  });

  it('delivers an event whose token sorts before the last one (a later commit with an earlier position)', () => {
    const server = fakeServer();
    const { seen } = start(server, 'm');
    server.send('z');
    server.send('b');
    server.send('9');
    expect(seen).toEqual(['EVENT:z', 'EVENT:b', 'EVENT:9']);
  });

  it('resumes after a dropped connection from the last cursor it saw, with a growing delay, and skips what it had', () => {
    const server = fakeServer();
    const { seen, states } = start(server, 'e5');
    server.send('e6');
    server.started[0]!.sink.error({ code: 1006, reason: '' });
    expect(states.at(-1)).toBe(false);
    expect(server.timers.map((timer) => timer.ms)).toEqual([750]);
    server.timers.shift()!.run();
    expect(server.started[1]!.variables).toEqual({ id: 'x', after: 'e6' });
    server.started[1]!.sink.error({ code: 1001, reason: 'restarting' });
    expect(server.timers[0]!.ms).toBe(1500);
    server.timers.shift()!.run();
    expect(server.started[2]!.variables).toEqual({ id: 'x', after: 'e6' });
    // The replay repeats the page's cursor and one seen before the drop; then the one missed.
    server.send('e5');
    server.send('e6');
    server.send('e7');
    server.send('e8', 'RELOAD');
    expect(seen).toEqual(['EVENT:e6', 'EVENT:e7', 'RELOAD:e8']);
    // A payload resets the backoff.
    server.started[2]!.sink.error({ code: 1006 });
    expect(server.timers[0]!.ms).toBe(750);
  });

  it('gives up when retrying cannot help: the session ended, or the report is not found', () => {
    const server = fakeServer();
    start(server, null);
    server.started[0]!.sink.error({ code: 4401, reason: 'Unauthorized' });
    expect(server.timers).toEqual([]);
    const again = fakeServer();
    start(again, null);
    again.started[0]!.sink.error([{ message: 'not found', extensions: { code: 'NOT_FOUND' } }]);
    expect(again.timers).toEqual([]);
  });

  it('retries a rate-limited subscription, and stops for good when the page is left', () => {
    const server = fakeServer();
    const { stop } = start(server, '1');
    server.started[0]!.sink.error([{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }]);
    expect(server.timers).toHaveLength(1);
    stop();
    expect(server.timers).toEqual([]);
    const other = fakeServer();
    const followed = start(other, '1');
    followed.stop();
    expect(other.started[0]!.stopped).toBe(true);
    other.send('2');
    expect(followed.seen).toEqual([]);
  });

  it('without cursors (counters) sends no `after` and skips nothing', () => {
    const server = fakeServer();
    const seen: number[] = [];
    follow<{ counts: number }, { cursor: string; signal: 'EVENT'; counts: number }>({
      subscribe: server.subscribe,
      schedule: server.schedule,
      query: 'subscription { counts }',
      variables: {},
      after: null,
      resume: false,
      select: (data) => ({ cursor: '', signal: 'EVENT', counts: data.counts }),
      onUpdate: (update) => seen.push(update.counts),
    });
    expect(server.started[0]!.variables).toEqual({});
    server.started[0]!.sink.next({ data: { counts: 3 } } as never);
    server.started[0]!.sink.next({ data: { counts: 3 } } as never);
    expect(seen).toEqual([3, 3]);
  });
});

describe('repeats and backoff', () => {
  it('never skips a RELOAD, even with a cursor already seen, and follows from its cursor', () => {
    const server = fakeServer();
    const { seen } = start(server, 'k1');
    server.send('k2');
    server.send('k2', 'RELOAD');
    server.send('k2');
    server.started[0]!.sink.error({ code: 1006 });
    server.timers.shift()!.run();
    expect(server.started[1]!.variables).toEqual({ id: 'x', after: 'k2' });
    expect(seen).toEqual(['EVENT:k2', 'RELOAD:k2']);
  });

  it('remembers a bounded number of cursors, forgetting the oldest first', () => {
    const cursors = createSeenCursors(3);
    for (const cursor of ['a', 'b', 'c', 'b']) cursors.add(cursor);
    expect(['a', 'b', 'c'].map(cursors.has)).toEqual([true, true, true]);
    cursors.add('d');
    expect(['a', 'b', 'c', 'd'].map(cursors.has)).toEqual([false, true, true, true]);
    const many = createSeenCursors();
    for (let i = 0; i < SEEN_CURSORS_LIMIT + 10; i++) many.add(`t${i}`);
    expect(many.has('t0')).toBe(false);
    expect(many.has(`t${SEEN_CURSORS_LIMIT + 9}`)).toBe(true);
  });

  it('doubles up to 30 s, half of it random', () => {
    expect(retryDelay(0, 0)).toBe(500);
    expect(retryDelay(0, 1)).toBe(1000);
    expect(retryDelay(3, 1)).toBe(8000);
    expect(retryDelay(50, 1)).toBe(30_000);
  });

  it('retries a dropped socket but not a refused sign-in', () => {
    expect(shouldRetry({ code: 1006 })).toBe(true);
    expect(shouldRetry(new Error('network'))).toBe(true);
    expect(shouldRetry({ code: 4401 })).toBe(false);
    expect(shouldRetry([{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }])).toBe(false);
  });
});
