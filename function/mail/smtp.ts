// The Node entry's transports, through nodemailer: SMTP (SMTP_URL), or .eml files in a folder for a local trial so
// that the messages can be read without a mail server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { type Outgoing, SendError, type Transport } from './deliver.ts';

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; nodemailer reads TLS and auth from it. */
  url: string;
  from: string;
  replyTo?: string | undefined;
  /** Connection, greeting and socket timeouts: a slow server costs at most this per attempt. */
  timeoutMs?: number;
}

const mail = (m: Outgoing, from: string, replyTo?: string) => ({
  from,
  to: m.recipient,
  ...(replyTo ? { replyTo } : {}),
  subject: m.subject,
  text: m.text,
  html: m.html,
  messageId: m.messageId,
  headers: m.headers,
});

/** 5xx answers (a refused recipient, a policy refusal) are final; the rest (4xx, no connection) are tried again. */
function classify(error: unknown): SendError {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const code = e.responseCode ? `${e.responseCode} ` : e.code ? `${e.code} ` : '';
  return new SendError(`${code}${e.message ?? String(error)}`, !!e.responseCode && e.responseCode >= 500);
}

export function smtpTransport(options: SmtpOptions): Transport & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(options.url),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(m) {
      try {
        const info = await transporter.sendMail(mail(m, options.from, options.replyTo));
        if (info.rejected.length) throw new SendError(`recipient refused: ${info.response}`, true);
      } catch (error) {
        throw error instanceof SendError ? error : classify(error);
      }
    },
    close: () => transporter.close(),
  };
}

/** Each message as an .eml file named by its id: a local trial without a mail server shows what would be sent. */
export function fileTransport(dir: string, from: string): Transport {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transporter.sendMail(mail(m, from));
      writeFileSync(join(dir, `${m.id}.eml`), info.message as Buffer, { mode: 0o600 });
    },
  };
}
