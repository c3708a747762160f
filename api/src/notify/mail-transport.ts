/**
 * Where mails go (nodemailer): an SMTP server (MAIL_SMTP_URL); without one, in the demo, a
 * folder of .eml files (MAIL_FOLDER) that any mail program opens, so a new user sees what
 * would be sent; in production without one, nowhere (the mails wait in the outbox).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Env } from '../env.ts';

export interface OutgoingMail {
  /** Stable per outbox row: a mail sent twice after a crash is recognisably the same mail. */
  messageId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Headers such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'folder' | 'none';
  /** Resolves once the mail is accepted (SMTP 250, or the file is in place); throws otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function toNodemailer(mail: OutgoingMail) {
  return { messageId: mail.messageId, from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers };
}

export function createMailTransport(env: Pick<Env, 'MAIL_SMTP_URL' | 'MAIL_FOLDER' | 'ADUAN_MODE'>): MailTransport {
  if (env.MAIL_SMTP_URL) {
    // A pooled connection; short timeouts so a hanging server costs a retry, not the runner.
    const transport = nodemailer.createTransport({
      url: env.MAIL_SMTP_URL,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      kind: 'smtp',
      async send(mail) {
        await transport.sendMail(toNodemailer(mail));
      },
      close: () => transport.close(),
    };
  }
  if (env.ADUAN_MODE === 'demo') {
    const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return {
      kind: 'folder',
      async send(mail) {
        const info = await writer.sendMail(toNodemailer(mail));
        await mkdir(env.MAIL_FOLDER, { recursive: true });
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9-]/g, '')}.eml`;
        // Written whole, then renamed: a reader never sees half a mail.
        const partial = path.join(env.MAIL_FOLDER, `.${name}.partial`);
        await writeFile(partial, info.message as Buffer);
        await rename(partial, path.join(env.MAIL_FOLDER, name));
      },
      close: () => writer.close(),
    };
  }
  return {
    kind: 'none',
    async send() {
      throw new Error('no mail server is configured (MAIL_SMTP_URL)');
    },
    close: () => {},
  };
}
