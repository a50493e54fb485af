// The Workers entry's transport: SMTP over Workers' TCP sockets (worker-mailer), one connection per message, since
// a portal sends a few messages a day and a Cron Trigger or `waitUntil` may end between two.
import { WorkerMailer } from 'worker-mailer';
import { SendError, type Transport } from './deliver.ts';

export interface WorkerSmtpOptions {
  host: string;
  port: number;
  /** `tls` from the first byte (465), `starttls` (587), or `off` (a relay on a private network, a test). */
  security: 'tls' | 'starttls' | 'off';
  username?: string | undefined;
  password?: string | undefined;
  from: string;
  replyTo?: string | undefined;
  timeoutMs?: number;
}

/** "Name <address>" as worker-mailer takes it. */
export function mailbox(text: string): { name?: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(text);
  return match ? { ...(match[1] ? { name: match[1] } : {}), email: match[2]! } : { email: text.trim() };
}

export function workerSmtpTransport(o: WorkerSmtpOptions): Transport {
  return {
    async send(m) {
      try {
        await WorkerMailer.send(
          {
            host: o.host,
            port: o.port,
            secure: o.security === 'tls',
            startTls: o.security === 'starttls',
            ...(o.username ? { credentials: { username: o.username, password: o.password ?? '' } } : {}),
            authType: ['plain', 'login'],
            socketTimeoutMs: o.timeoutMs ?? 30_000,
            responseTimeoutMs: o.timeoutMs ?? 30_000,
          },
          {
            from: mailbox(o.from),
            to: m.recipient,
            ...(o.replyTo ? { reply: mailbox(o.replyTo) } : {}),
            subject: m.subject,
            text: m.text,
            html: m.html,
            headers: { ...m.headers, 'Message-ID': m.messageId },
          },
        );
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        // A 5xx answer (a refused recipient) is final; a timeout or a 4xx is tried again.
        throw new SendError(text, /(^|\s)5\d\d[\s-]/.test(text));
      }
    },
  };
}
