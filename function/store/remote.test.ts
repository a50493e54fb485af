import { afterAll, describe, expect, it } from 'vitest';
import { changeStatus, exportRequest, purge, showRequest } from '../domain/officer.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import { remoteStore } from './remote.ts';
import { render } from '../mail/compose.ts';
import { openMessage } from '../mail/outbox-key.ts';
import { PORTAL, setup, storesForTests, TEST_SECRET, testMail, validRequest } from '../testing.ts';
import type { Store } from './contract.ts';

const stores = storesForTests();
afterAll(stores.dispose);

const TOKEN = 'officer-admin-token-0123456789abcdef0123';

async function withAdmin(make: () => Promise<Store>) {
  const s = await setup({
    store: await make(),
    adminTokenHash: await sha256(TOKEN),
    mail: await testMail(),
  });
  const send = ((input: URL | RequestInfo, init?: RequestInit) =>
    s.app.request(input instanceof URL ? input.href : input, init)) as typeof fetch;
  const { reference } = await (await s.post(validRequest)).json();
  return {
    ...s,
    reference,
    remote: remoteStore(PORTAL, TOKEN, send),
  };
}

describe.each(stores.each)('admin API for a Workers deployment, on %s', (_name, make) => {
  it('refuses a missing or wrong token, and does not exist when unconfigured', async () => {
    const { app } = await withAdmin(make);
    expect((await app.request(`${PORTAL}/api/admin/requests`)).status).toBe(401);
    expect(
      (await app.request(`${PORTAL}/api/admin/requests`, { headers: { Authorization: `Bearer ${'x'.repeat(40)}` } }))
        .status,
    ).toBe(401);
    const bare = await setup({ store: await make() });
    expect(
      (await bare.app.request(`${PORTAL}/api/admin/requests`, { headers: { Authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(401);
  });

  it('hands out ciphertext only; the CLI opens it with the private key', async () => {
    const { app, reference, remote, keys } = await withAdmin(make);
    const listed = await (
      await app.request(`${PORTAL}/api/admin/requests`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(listed).toContain(reference);
    expect(listed).not.toContain(validRequest.email);
    expect(listed).not.toContain('tokenHash');
    const shown = await showRequest(remote, reference, keys);
    expect(shown.personal.email).toBe(validRequest.email);
  });

  it('runs the officer’s tools remotely, with the server checking transitions and retention itself', async () => {
    const { reference, remote, keys, store, app, clock } = await withAdmin(make);
    await changeStatus(remote, {
      reference,
      status: 'identity-verified',
      note: 'ID vue',
      operator: 'a.tremblay',
      now: new Date(),
    });
    expect((await store.getRequest(reference))?.status).toBe('identity-verified');
    const csv = await exportRequest(remote, reference, keys, 'csv', 'a.tremblay', new Date());
    expect(csv).toContain(validRequest.email);
    expect((await store.listAudit(reference)).map((a) => `${a.action}/${a.operator}`)).toEqual([
      'received/requester',
      'status:identity-verified/a.tremblay',
      'export:csv/a.tremblay',
    ]);
    // A jump the rules forbid, sent straight to the API, is refused by the server.
    const jump = await app.request(`${PORTAL}/api/admin/requests/${reference}/status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'received', from: 'identity-verified', operator: 'x' }),
    });
    expect(jump.status).toBe(409);
    await changeStatus(remote, { reference, status: 'withdrawn', operator: 'a.tremblay', now: new Date() });
    // The client believes six years have passed; the server's clock says otherwise.
    await expect(
      purge(remote, { now: new Date('2040-01-01'), retentionYears: 6, operator: 'a.tremblay' }),
    ).rejects.toThrow(/closed less than 6 years ago/);
    clock.now = new Date('2033-01-01T00:00:00Z');
    expect(await purge(remote, { now: clock.now, retentionYears: 6, operator: 'a.tremblay' })).toEqual([reference]);
    expect(await store.listRequests()).toHaveLength(0);
  });

  it('tells the requester of a change made from the remote CLI, the address decrypted on the officer’s machine', async () => {
    const { reference, remote, keys, store } = await withAdmin(make);
    const { personal } = await showRequest(remote, reference, keys);
    await changeStatus(remote, {
      reference,
      status: 'identity-verified',
      operator: 'a.tremblay',
      now: new Date(),
      notify: { email: personal.email, lang: personal.language },
    });
    const [message] = await store
      .claimMessages('9999', '9999', 10)
      .then((all) => all.filter((m) => m.kind === 'status'));
    // Kept sealed for the outbox's key: no address in the row; the delivery opens it.
    expect(message).toMatchObject({ recipient: '', kind: 'status', sealed: expect.stringMatching(/^v2\./) });
    const opened = await openMessage(message!, TEST_SECRET);
    expect(opened).toMatchObject({ recipient: validRequest.email, kind: 'status' });
    expect(render(await testMail(), opened).subject).toBe(`Votre demande ${reference} : Identité vérifiée`);
  });

  it('lets the remote CLI and the inbox race on one transition: one wins, the other is told why, one audit entry', async () => {
    const { reference, remote, store, app } = await withAdmin(make);
    // The CLI read the request as received; the inbox moves it on first.
    const seen = (await remote.getRequest(reference))!.status;
    await changeStatus(store, { reference, status: 'refused', operator: 'inbox', now: new Date() });
    await expect(
      changeStatus(remote, {
        reference,
        status: 'identity-verified',
        from: seen,
        operator: 'cli',
        now: new Date(),
      }),
    ).rejects.toThrow(/changed meanwhile by someone else: it is now refused \(you saw received\)/);
    // Straight to the API, the loser gets 409 and the kind of refusal.
    const late = await app.request(`${PORTAL}/api/admin/requests/${reference}/status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'withdrawn', from: 'received', operator: 'cli' }),
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: 'conflict' });
    expect((await store.listAudit(reference)).filter((a) => a.action.startsWith('status:'))).toHaveLength(1);
    expect((await store.getRequest(reference))?.status).toBe('refused');
  });
});
