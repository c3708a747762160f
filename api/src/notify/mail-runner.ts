/**
 * The mail work of one API process: on a timer (MAIL_INTERVAL_SECONDS), and soon after any
 * instance announces new case events on the live bus, it queues the mails of new events
 * (email-dispatch.service.ts) and sends those due (email-sender.service.ts). Every instance
 * runs it; the dispatch and each mail are taken by one instance at a time.
 */
import type { AppServices } from '../context.ts';
import { LIVE_CHANNELS } from '../live/live-bus.ts';
import { dispatchEmails } from './email-dispatch.service.ts';
import { sendDueEmails } from './email-sender.service.ts';
import { createMailTransport, type MailTransport } from './mail-transport.ts';

/** After news, how long to wait for more of it before a turn (a burst costs one turn). */
const NEWS_DELAY_MS = 300;

export interface MailRunner {
  readonly transport: MailTransport['kind'];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One turn now (tests, ops); resolves when it is done. */
  runOnce(): Promise<void>;
}

export function createMailRunner(services: Pick<AppServices, 'env' | 'db' | 'vault' | 'configs' | 'logger' | 'live'>): MailRunner {
  const { env, logger } = services;
  const transport = createMailTransport(env);
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let unsubscribe: (() => void) | null = null;

  const turn = async () => {
    const queued = await dispatchEmails(services.db.sql);
    if (queued && queued.queued > 0) logger.info(queued, 'mails queued');
    if (transport.kind === 'none') return;
    const sent = await sendDueEmails({ ...services, transport });
    if (sent.sent + sent.retried + sent.failed + sent.cancelled > 0) logger.info(sent, 'mails sent');
  };

  // One turn at a time in this process; news during a turn asks for one more after it.
  const runOnce = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = turn()
      .catch((error: unknown) => logger.warn({ err: error }, 'mail turn failed; the next one retries'))
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
    }, env.MAIL_INTERVAL_SECONDS * 1000);
  };

  return {
    transport: transport.kind,
    runOnce,
    async start() {
      stopped = false;
      if (transport.kind === 'none') logger.warn('no mail server is configured (MAIL_SMTP_URL): mails are queued but not sent');
      services.live.bus
        .subscribe(LIVE_CHANNELS.events, () => {
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
          (error: unknown) => logger.warn({ err: error }, 'mail: could not listen on the bus; working on the timer only'),
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
      transport.close();
    },
  };
}
