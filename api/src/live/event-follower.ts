/**
 * Background work that follows the case event log in one API process: a turn on a timer, and
 * one soon after any instance announces news on the live bus, by default new case events (a
 * burst of news costs one turn). One turn at a time in this process; news during a turn asks for one more after it.
 * The mail runner (notify/mail-runner.ts) and the figures runner (stats/figures-runner.ts) are
 * such followers; what a turn does is theirs.
 */
import type { AppServices } from '../context.ts';
import { LIVE_CHANNELS, type LiveChannel } from './live-bus.ts';

/** After news, how long to wait for more of it before a turn. */
const NEWS_DELAY_MS = 300;

export interface EventFollower {
  start(): void;
  stop(): Promise<void>;
  /** One turn now (tests, ops); resolves when it is done. */
  runOnce(): Promise<void>;
}

export function followEvents(
  services: Pick<AppServices, 'logger' | 'live'>,
  /** `channel`: the news that wakes it (default: new case events). */
  options: { name: string; intervalMs: number; turn: () => Promise<void>; channel?: LiveChannel },
): EventFollower {
  const { logger } = services;
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let unsubscribe: (() => void) | null = null;

  const runOnce = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = options
      .turn()
      .catch((error: unknown) => logger.warn({ err: error }, `${options.name} turn failed; the next one retries`))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          void runOnce();
        }
      });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, options.intervalMs);
  };

  return {
    runOnce,
    start() {
      stopped = false;
      services.live.bus
        .subscribe(options.channel ?? LIVE_CHANNELS.events, () => {
          if (soon || stopped) return;
          soon = setTimeout(() => {
            soon = null;
            void runOnce();
          }, NEWS_DELAY_MS);
        })
        .then(
          (stop) => {
            if (stopped) stop();
            else unsubscribe = stop;
          },
          (error: unknown) => logger.warn({ err: error }, `${options.name}: could not listen on the bus; working on the timer only`),
        );
      void runOnce();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (soon) clearTimeout(soon);
      unsubscribe?.();
      await running;
    },
  };
}
