/**
 * The mail work of one API process: on a timer (MAIL_INTERVAL_SECONDS), and soon after any
 * instance announces new case events on the live bus (live/event-follower.ts), it queues the mails of new events
 * (email-dispatch.service.ts) and sends those due (email-sender.service.ts). Every instance
 * runs it; the dispatch and each mail are taken by one instance at a time.
 */
import type { AppServices } from '../context.ts';
import { followEvents } from '../live/event-follower.ts';
import { dispatchEmails } from './email-dispatch.service.ts';
import { sendDueEmails } from './email-sender.service.ts';
import { createMailTransport, type MailTransport } from './mail-transport.ts';

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
  const turn = async () => {
    const queued = await dispatchEmails(services.db.sql);
    if (queued && queued.queued > 0) logger.info(queued, 'mails queued');
    if (transport.kind === 'none') return;
    const sent = await sendDueEmails({ ...services, transport });
    if (sent.sent + sent.retried + sent.failed + sent.cancelled > 0) logger.info(sent, 'mails sent');
  };

  const follower = followEvents(services, { name: 'mail', intervalMs: env.MAIL_INTERVAL_SECONDS * 1000, turn });

  return {
    transport: transport.kind,
    runOnce: follower.runOnce,
    async start() {
      if (transport.kind === 'none') logger.warn('no mail server is configured (MAIL_SMTP_URL): mails are queued but not sent');
      follower.start();
    },
    async stop() {
      await follower.stop();
      transport.close();
    },
  };
}
