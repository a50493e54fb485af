// A real SMTP server for the tests (smtp-server), each message parsed with mailparser; it can refuse a recipient,
// answer 4xx a few times, or never greet (a slow server), as a test asks.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  parsed: ParsedMail;
  /** The message as it crossed the wire. */
  raw: string;
  to: string[];
}

export interface TestSmtp {
  url: string;
  port: number;
  received: Received[];
  /** Resolves once `n` messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  /** Resolves once what has arrived satisfies `ready` (messages of one request, among others still coming). */
  waitUntil(ready: (received: Received[]) => boolean, timeoutMs?: number): Promise<Received[]>;
  /** Connections opened so far (a hung server counts those it never answered). */
  connections: number;
  close(): Promise<void>;
}

export interface SmtpBehaviour {
  /** Answer to RCPT TO: `null` accepts; a code refuses (550 for good, 451 to be tried again). */
  recipient?: (address: string, attempt: number) => { code: number; message: string } | null;
  /** Never send the greeting: a server that hangs. */
  hang?: boolean;
}

export async function testSmtp(behaviour: SmtpBehaviour = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const waiting: { ready: (received: Received[]) => boolean; resolve: () => void }[] = [];
  const attempts = new Map<string, number>();
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    // A relay that takes mail without a login, as on a private network: both clients send without credentials.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onConnect(_session, callback) {
      connections++;
      // A hung server keeps the socket open and says nothing.
      if (!behaviour.hang) callback();
    },
    onRcptTo(address, _session, callback) {
      const n = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, n);
      const refusal = behaviour.recipient?.(address.address, n);
      if (!refusal) return callback();
      return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ raw, parsed: await simpleParser(raw), to: session.envelope.rcptTo.map((r) => r.address) });
        for (const w of waiting.filter((w) => w.ready(received))) w.resolve();
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  const waitUntil = (ready: (received: Received[]) => boolean, timeoutMs = 10_000): Promise<Received[]> => {
    if (ready(received)) return Promise.resolve(received);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${received.length} messages arrived, not those awaited`)),
        timeoutMs,
      );
      waiting.push({
        ready,
        resolve: () => {
          clearTimeout(timer);
          resolve(received);
        },
      });
    });
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    get connections() {
      return connections;
    },
    waitFor: (n, timeoutMs = 10_000) =>
      waitUntil((r) => r.length >= n, timeoutMs).catch(() => {
        throw new Error(`${received.length} of ${n} messages arrived`);
      }),
    waitUntil,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
