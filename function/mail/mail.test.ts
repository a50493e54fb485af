// The messages as a real SMTP server receives them (smtp-server, parsed with mailparser): content in both languages,
// headers, links that work, no personal data for officers; and delivery when the server is down, slow or refusing.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PORTAL, setup, storesForTests, testMail, testPages } from '../testing.ts';
import { createInvitation } from '../store/access.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import type { MailSettings } from './compose.ts';
import { backoff, drainOutbox, errorText, type Transport } from './deliver.ts';
import { queueDigest } from './runner.ts';
import { smtpTransport } from './smtp.ts';
import { type TestSmtp, testSmtp } from './testing.ts';

const stores = storesForTests();
afterAll(stores.dispose);

const FROM = 'Portail CITIM <portail@portal.test>';
const settings: MailSettings = await testMail({ officers: ['responsable@portal.test', 'adjointe@portal.test'] });
const servers: TestSmtp[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
const smtp = async (behaviour?: Parameters<typeof testSmtp>[0]) => {
  const server = await testSmtp(behaviour);
  servers.push(server);
  return server;
};

async function portal(make: () => ReturnType<(typeof stores.each)[number][1]>) {
  const store = await make();
  let queued = 0;
  const t = await setup({ store, access: store, pages: testPages, mail: settings, onQueued: () => queued++ });
  const file = async (over: Record<string, unknown> = {}) => {
    const response = await t.post(
      { ...validRequestWith(over), website: '' },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    expect(response.status).toBe(201);
    return (await response.json()) as { reference: string; statusUrl: string };
  };
  const drain = (transport: Transport, options = {}) =>
    drainOutbox({ store, transport, from: FROM, settings, clock: () => t.clock.now, secret: t.secret }, options);
  return { ...t, store, file, drain, queued: () => queued };
}

const { validRequest } = await import('../../shared/request-fixture.ts');
const validRequestWith = (over: Record<string, unknown>) => ({ ...validRequest, ...over });

describe.each(stores.each)('the messages of a filing, on %s', (_name, make) => {
  it('tells the requester in their language, with links that work, and each officer without any personal data', async () => {
    const server = await smtp();
    const p = await portal(make);
    const filed = await p.file({ language: 'en', name: 'Ана Петрова', email: 'ana@example.org' });
    expect(p.queued()).toBe(1);
    const transport = smtpTransport({ url: server.url, from: FROM, timeoutMs: 2_000 });
    expect(await p.drain(transport)).toEqual({ sent: 3, retried: 0, failed: 0 });
    const all = await server.waitFor(3);
    const requester = all.find((m) => m.to.includes('ana@example.org'))!;
    expect(requester.parsed.subject).toBe(`Your request ${filed.reference} has been received`);
    expect(requester.parsed.text).toContain('Answer due no later than');
    expect(requester.parsed.text).toContain('s. 32 of the Act');
    expect(requester.parsed.html).toContain('<html lang="en-CA">');
    expect(requester.parsed.messageId).toMatch(/^<[\w-]+@portal\.test>$/);
    expect(requester.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    // No image, no tracking: nothing loads from anywhere when the message is opened.
    expect(requester.parsed.html).not.toMatch(/<img|<link|src=|url\(/i);
    // The status link opens the request's page; the confirmation link asks for a click, confirms once, then says so.
    const links = [...String(requester.parsed.text).matchAll(/https:\/\/portal\.test\S+/g)].map((m) => m[0]);
    expect(links).toHaveLength(2);
    const [statusLink, confirmLink] = links as [string, string];
    expect(statusLink).toBe(`${PORTAL}${filed.statusUrl}`);
    const page = async (url: string) => (await p.app.request(url, { headers: { 'Accept-Language': 'en' } })).text();
    expect(await page(statusLink)).toContain(filed.reference);
    const asked = await page(confirmLink);
    expect(asked).toContain('data-confirmation="pending"');
    expect(asked).toContain('Confirm my e-mail address');
    const form = Object.fromEntries(
      [...asked.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    ) as Record<string, string>;
    const confirm = () =>
      p.app.request(`${PORTAL}/api/requests/${filed.reference}/confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PORTAL },
        body: new URLSearchParams(form).toString(),
      });
    const done = await confirm();
    expect(done.status).toBe(303);
    expect(await page(`${PORTAL}${done.headers.get('Location')}`)).toContain('your e-mail address is confirmed');
    expect(await p.store.emailConfirmedAt(filed.reference)).toBe(p.clock.now.toISOString());
    expect((await p.store.listAudit(filed.reference)).at(-1)).toMatchObject({ action: 'email:confirmed' });
    expect(await page(confirmLink)).toContain('This e-mail address was already confirmed');
    const twice = await confirm();
    expect(await page(`${PORTAL}${twice.headers.get('Location')}`)).toContain(
      'This e-mail address was already confirmed',
    );
    // The officers: one message each, in their language, with the inbox link and nothing of the person.
    const officers = all.filter((m) => !m.to.includes('ana@example.org'));
    expect(officers.map((m) => m.to[0]).sort()).toEqual(['adjointe@portal.test', 'responsable@portal.test']);
    for (const m of officers) {
      expect(m.parsed.subject).toBe(`Nouvelle demande ${filed.reference}`);
      expect(m.parsed.text).toContain(`${PORTAL}/fr/responsable/`);
      for (const personal of ['Ана', 'Петрова', 'ana@example.org', validRequest.details])
        expect(m.raw).not.toContain(personal);
    }
    // Delivered: the address and the content (with its status link) are gone from the outbox.
    expect(await p.store.listUndelivered()).toEqual([]);
  });

  it('writes French by default, never a name in a subject, and an expired confirmation link says so', async () => {
    const server = await smtp();
    const p = await portal(make);
    const filed = await p.file();
    await p.drain(smtpTransport({ url: server.url, from: FROM, timeoutMs: 2_000 }));
    const [requester] = (await server.waitFor(3)).filter((m) => m.to.includes(validRequest.email));
    expect(requester!.parsed.subject).toBe(`Votre demande ${filed.reference} a été reçue`);
    for (const m of server.received) expect(m.parsed.subject).not.toContain('Nguyễn');
    expect(requester!.parsed.text).toContain('Réponse due au plus tard le');
    const confirmLink = /https:\/\/portal\.test\S+confirm=\S+/.exec(String(requester!.parsed.text))![0];
    p.clock.now = new Date(p.clock.now.getTime() + 8 * 86_400_000);
    const html = await (await p.app.request(confirmLink)).text();
    expect(html).toContain('data-confirmation="expired"');
    expect(html).toContain('Ce lien de confirmation a expiré');
    const forged = confirmLink.replace(/confirm=[\w-]+/, `confirm=${'A'.repeat(43)}`);
    expect(await (await p.app.request(forged)).text()).toContain('data-confirmation="unknown"');
    // The code of one request does not confirm another, even with that other request's own status link.
    const other = await p.file();
    const code = new URL(confirmLink).searchParams.get('confirm')!;
    const crossed = `${PORTAL}${other.statusUrl}&confirm=${code}`;
    expect(await (await p.app.request(crossed)).text()).toContain('data-confirmation="unknown"');
    const spent = await p.app.request(`${PORTAL}/api/requests/${other.reference}/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PORTAL },
      body: JSON.stringify({ code, token: 'x' }),
    });
    expect(spent.status).toBe(404);
    expect(await p.store.emailConfirmedAt(other.reference)).toBeNull();
  });

  it('writes nothing when the same request is sent again: one receipt per request', async () => {
    const p = await portal(make);
    const key = crypto.randomUUID();
    for (let i = 0; i < 2; i++) await p.post({ ...validRequest, website: '' }, { 'Idempotency-Key': key });
    const sent: string[] = [];
    await p.drain({ send: async (m) => void sent.push(m.recipient) });
    expect(sent.filter((r) => r === validRequest.email)).toHaveLength(1);
  });
});

describe.each(stores.each)('delivery, on %s', (_name, make) => {
  const oneMessage = async () => {
    const p = await portal(make);
    await p.store.enqueueMessages(
      [
        {
          id: 'm1',
          kind: 'status',
          reference: '2026-AAAA-BBBB',
          recipient: 'lea@example.org',
          data: { type: 'access', status: 'in-progress', dueAt: '2026-12-23T15:00:00Z', lang: 'fr', closed: false },
        },
      ],
      p.clock.now.toISOString(),
    );
    return p;
  };

  it('tries again later, with growing waits, when the server is down or slow; never in a subject the address', async () => {
    const p = await oneMessage();
    const down = smtpTransport({ url: 'smtp://127.0.0.1:9', from: FROM, timeoutMs: 500 });
    expect(await p.drain(down)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [pending] = await p.store.listUndelivered();
    expect(pending).toMatchObject({ state: 'pending', attempts: 1 });
    expect(Date.parse(pending!.nextAt) - p.clock.now.getTime()).toBe(backoff(1));
    // Not due yet: nothing is tried.
    expect(await p.drain(down)).toEqual({ sent: 0, retried: 0, failed: 0 });
    const slow = await smtp({ hang: true });
    p.clock.now = new Date(Date.parse(pending!.nextAt));
    expect(await p.drain(smtpTransport({ url: slow.url, from: FROM, timeoutMs: 300 }))).toMatchObject({ retried: 1 });
    expect(slow.connections).toBe(1);
    const [again] = await p.store.listUndelivered();
    expect(Date.parse(again!.nextAt) - p.clock.now.getTime()).toBe(backoff(2));
    expect(backoff(2)).toBe(2 * backoff(1));
    expect(backoff(30)).toBe(3_600_000);
  });

  it('sends once after a 4xx answer, and gives up at once on a refused recipient, visible without its address', async () => {
    const flaky = await smtp({ recipient: (_a, n) => (n === 1 ? { code: 451, message: 'try later' } : null) });
    const p = await oneMessage();
    const transport = smtpTransport({ url: flaky.url, from: FROM, timeoutMs: 2_000 });
    expect(await p.drain(transport)).toMatchObject({ retried: 1 });
    p.clock.now = new Date(p.clock.now.getTime() + backoff(1));
    expect(await p.drain(transport)).toMatchObject({ sent: 1 });
    expect(flaky.received).toHaveLength(1);
    expect(await p.drain(transport)).toEqual({ sent: 0, retried: 0, failed: 0 });

    const refusing = await smtp({ recipient: (a) => ({ code: 550, message: `No such user <${a}>` }) });
    const q = await oneMessage();
    expect(await q.drain(smtpTransport({ url: refusing.url, from: FROM, timeoutMs: 2_000 }))).toMatchObject({
      failed: 1,
    });
    const [failed] = await q.store.listUndelivered();
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringMatching(/^550 /) });
    expect(JSON.stringify(failed)).not.toContain('lea@example.org');
  });

  it('gives up after the last attempt, and the officer can try again', async () => {
    const p = await oneMessage();
    const broken: Transport = { send: async () => Promise.reject(new Error('connection reset')) };
    for (let i = 0; i < 3; i++) {
      await p.drain(broken, { maxAttempts: 3, baseDelayMs: 1 });
      p.clock.now = new Date(p.clock.now.getTime() + 1000);
    }
    expect(await p.store.listUndelivered()).toMatchObject([{ state: 'failed', attempts: 3 }]);
    const at = p.clock.now.toISOString();
    const audit = { at, reference: null, action: 'mail:retry', operator: 'Ana', detail: 'm1' };
    expect(await p.store.retryMessage('m1', at, audit)).toBe(true);
    const sent: string[] = [];
    expect(await p.drain({ send: async (m) => void sent.push(m.messageId) })).toMatchObject({ sent: 1 });
    expect(sent).toEqual(['<m1@portal.test>']);
  });

  it('keeps no address in an error it records', () => {
    expect(errorText(new Error('550 5.1.1 <lea@example.org>: Recipient address rejected'))).toBe(
      '550 5.1.1 [address]: Recipient address rejected',
    );
  });
});

describe.each(stores.each)('the officer’s side, on %s', (_name, make) => {
  it('tells the requester of a status change in the request’s language, the address handed over by the inbox', async () => {
    const p = await portal(make);
    const filed = await p.file();
    await p.drain({ send: async () => undefined });
    const at = p.clock.now.toISOString();
    const code = await createInvitation(p.store, 'Ana', 'cli', p.clock.now);
    await p.store.redeemInvitation(
      await sha256(`invitation:${code.replace(/-/g, '')}`),
      at,
      { id: 'ana', name: 'Ana', createdAt: at, revokedAt: null },
      {
        credentialId: 'c',
        officerId: 'ana',
        publicKey: 'AA',
        counter: 0,
        transports: null,
        createdAt: at,
        lastUsedAt: null,
      },
      { at, reference: null, action: 'officer:enrol', operator: 'Ana', detail: null },
    );
    const expiresAt = new Date(p.clock.now.getTime() + 3_600_000).toISOString();
    await p.store.addSession({
      idHash: await sha256('session:s'),
      officerId: 'ana',
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
      revokedAt: null,
    });
    const change = (body: unknown) =>
      p.app.request(`${PORTAL}/api/officer/requests/${filed.reference}/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: PORTAL, 'X-Officer': '1', Cookie: 'officer_session=s' },
        body: JSON.stringify(body),
      });
    expect(
      (
        await change({
          status: 'refused',
          from: 'received',
          note: null,
          notify: { email: 'not an address', lang: 'fr' },
        })
      ).status,
    ).toBe(400);
    const queued = p.queued();
    const done = await change({
      status: 'refused',
      from: 'received',
      note: null,
      notify: { email: validRequest.email, lang: 'fr' },
    });
    expect(await done.json()).toMatchObject({ status: 'refused', notified: true });
    expect(p.queued()).toBe(queued + 1);
    const sent: { subject: string; text: string; to: string }[] = [];
    await p.drain({ send: async (m) => void sent.push({ subject: m.subject, text: m.text, to: m.recipient }) });
    expect(sent).toEqual([
      {
        subject: `Votre demande ${filed.reference} : Refusée`,
        text: expect.stringContaining('Commission d’accès à l’information'),
        to: validRequest.email,
      },
    ]);
    expect(sent[0]!.text).not.toContain('Réponse due');
  });

  it('sends the daily digest once per day and officer, only when something is due within 7 days', async () => {
    const p = await portal(make);
    expect(await queueDigest(p.store, settings, p.clock.now)).toBe(0);
    const filed = await p.file();
    await p.drain({ send: async () => undefined });
    // 25 days later, the request is due within 7 days.
    p.clock.now = new Date(p.clock.now.getTime() + 25 * 86_400_000);
    expect(await queueDigest(p.store, settings, p.clock.now)).toBe(2);
    await queueDigest(p.store, settings, p.clock.now);
    const sent: { subject: string; text: string }[] = [];
    await p.drain({ send: async (m) => void sent.push(m) });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.subject).toBe('Échéances : 0 en retard, 1 dans les 7 jours');
    expect(sent[0]!.text).toContain(filed.reference);
    expect(sent[0]!.text).not.toContain(validRequest.email);
    // The audit log's head, chained up to the digest, goes out with it: beyond the reach of whoever holds the file.
    const { verifyAudit, headText } = await import('../domain/audit-chain.ts');
    const head = headText((await verifyAudit(p.store)).head);
    expect(head).toMatch(/^#\d+ [0-9a-f]{16}$/);
    expect(sent[0]!.text).toContain(`Empreinte du journal d’audit, à garder : ${head}.`);
  });
});
