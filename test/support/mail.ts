/**
 * A real SMTP server on this machine (smtp-server), which keeps what it receives parsed
 * (mailparser), so a test reads the mail the API sent as a mail program would.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: ParsedMail['headers'];
  raw: string;
}

export interface MailCatcher {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** While refusing, every mail is answered 421 (as a mail server that is away): the sender must retry. */
  refuse(refusing: boolean): void;
  /** Waits for a mail that matches; fails naming what did arrive. */
  waitFor(match: (mail: ReceivedMail) => boolean, what: string, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

function addresses(value: ParsedMail['to']): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((entry) => entry.address ?? ''));
}

/** Listens on `port` (0: any free port); plain SMTP without TLS or sign-in, as on a test network. */
export async function startMailCatcher(port = 0): Promise<MailCatcher> {
  const received: ReceivedMail[] = [];
  let refusing = false;
  const away = () => Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      callback(refusing ? away() : undefined);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              to: addresses(parsed.to),
              from: addresses(parsed.from)[0] ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              headers: parsed.headers,
              raw: raw.toString('utf8'),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    refuse(value) {
      refusing = value;
    },
    async waitFor(match, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = received.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const seen = received.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join('; ') || 'nothing';
      throw new Error(`no mail ${what} arrived in ${timeoutMs} ms (received: ${seen})`);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
