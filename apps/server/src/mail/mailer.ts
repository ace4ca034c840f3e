import { randomBytes } from 'node:crypto';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { makeDirectoryDurably, writeFileDurably } from '../storage/durable-file.js';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  /** `smtp` with SMTP_URL; `outbox` writes .eml files to `<dataDir>/outbox/` (the default). */
  readonly mode: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** The outbox directory used when SMTP_URL is unset. */
export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}

/**
 * Sends mail through SMTP_URL, or, without it, writes each message as an .eml file (0600) to
 * `<dataDir>/outbox/`. Log lines never contain addresses.
 */
export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>,
  logger: Pick<Logger, 'info'>,
): Mailer {
  const safety = { disableFileAccess: true, disableUrlAccess: true };
  if (config.smtpUrl !== undefined) {
    const transport = nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom, ...safety });
    return {
      mode: 'smtp',
      async send(mail) {
        const info = await transport.sendMail({ ...mail });
        return { messageId: String(info.messageId) };
      },
      close: () => transport.close(),
    };
  }

  const dir = outboxDir(config.dataDir);
  logger.info({ outbox: dir }, `SMTP_URL is not set: e-mail is written as .eml files to ${dir}`);
  const transport = nodemailer.createTransport(
    { streamTransport: true, buffer: true, newline: 'unix' },
    { from: config.mailFrom, ...safety },
  );
  return {
    mode: 'outbox',
    async send(mail) {
      const info = await transport.sendMail({ ...mail });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await makeDirectoryDurably(dir);
      await writeFileDurably(file, info.message as Buffer);
      logger.info({ file }, 'e-mail written to the outbox');
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
