import { describe, expect, it } from 'vitest';
import { follow, isNewer, retryDelay, shouldRetry, type LiveSink, type Subscribe } from './live-follow';

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
  it("subscribes from the page's cursor and skips what it already has", () => {
    const server = fakeServer();
    const { seen } = start(server, '40');
    expect(server.started[0]!.variables).toEqual({ id: 'x', after: '40' });
    server.send('39');
    server.send('40');
    server.send('41');
    server.send('41');
    server.send('100');
    expect(seen).toEqual(['EVENT:41', 'EVENT:100']);
  });

  it('resumes after a dropped connection from the last cursor it saw, with a growing delay', () => {
    const server = fakeServer();
    const { seen, states } = start(server, '5');
    server.send('6');
    server.started[0]!.sink.error({ code: 1006, reason: '' });
    expect(states.at(-1)).toBe(false);
    expect(server.timers.map((timer) => timer.ms)).toEqual([750]);
    server.timers.shift()!.run();
    expect(server.started[1]!.variables).toEqual({ id: 'x', after: '6' });
    server.started[1]!.sink.error({ code: 1001, reason: 'restarting' });
    expect(server.timers[0]!.ms).toBe(1500);
    server.timers.shift()!.run();
    server.send('6');
    server.send('7', 'RELOAD');
    expect(seen).toEqual(['EVENT:6', 'RELOAD:7']);
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

describe('cursor order and backoff', () => {
  it('compares cursors as numbers past 2^53', () => {
    expect(isNewer('10', '9')).toBe(true);
    expect(isNewer('9007199254740993', '9007199254740992')).toBe(true);
    expect(isNewer('9', '10')).toBe(false);
    expect(isNewer('1', null)).toBe(true);
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
