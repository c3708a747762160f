/**
 * Keeps the statistics' figures current in one API process (figures-pass.service.ts): a pass on
 * a timer (FIGURES_INTERVAL_SECONDS) and soon after news of case events (live/event-follower.ts),
 * each pass to the end of the log. Every instance runs it; one pass at a time runs across them.
 * After a pass it tells every instance which agencies' figures changed (LIVE_CHANNELS.figures),
 * and folds the open-case changes into their tallies (open-case-tally.ts).
 */
import type { AppServices } from '../context.ts';
import { followEvents, type EventFollower } from '../live/event-follower.ts';
import { LIVE_CHANNELS } from '../live/live-bus.ts';
import { runFiguresToEnd } from './figures-pass.service.ts';
import { foldOpenCaseChanges } from './open-case-tally.ts';

export function createFiguresRunner(services: Pick<AppServices, 'env' | 'db' | 'configs' | 'calendars' | 'logger' | 'live'>): EventFollower {
  return followEvents(services, {
    name: 'figures',
    intervalMs: services.env.FIGURES_INTERVAL_SECONDS * 1000,
    turn: async () => {
      const changed = await runFiguresToEnd(services);
      if (changed.size > 0) services.logger.debug({ agencies: changed.size }, 'figures computed');
      // After the commit: every instance's caches of these agencies' figures are stale now.
      if (changed.size > 0) await services.live.bus.publish(LIVE_CHANNELS.figures, { tenantIds: [...changed] });
      await foldOpenCaseChanges(services.db.sql);
    },
  });
}
