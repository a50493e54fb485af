// The re-wrap as the command line runs it (the inbox runs the same `resealAll` through its API): requests sealed before
// age move to it with the former key, notes included; a revoked officer's key is dropped; a new recovery key takes
// over from the old one.
import { afterAll, describe, expect, it } from 'vitest';
import { importLegacyKey } from '../../shared/crypto/legacy.ts';
import { isSealed, newIdentity, open } from '../../shared/crypto/sealed.ts';
import { legacyNoteId } from '../../shared/sealed-request.ts';
import { rewrap, showRequest } from './officer.ts';
import { fileFormerRequest, formerRequest, setup, storesForTests, validRequest } from '../testing.ts';

const stores = storesForTests();
afterAll(stores.dispose);

const fixture = formerRequest;
const at = '2026-11-24T00:00:00.000Z';

describe.each(stores.each)('re-wrapping requests for today’s readers, on %s', (_name, make) => {
  it('moves a request sealed in format v1, and its note in the audit log, to age with the former key', async () => {
    const store = await make();
    const s = await setup({ store });
    await s.post(validRequest);
    // A request as the former seal left it: sealed for the shared P-256 key, its note inline in the audit log.
    await fileFormerRequest(store, at, 'Ana');
    await expect(showRequest(store, fixture.reference, s.keys)).rejects.toThrow(/does not open with the key given/);
    const legacy = await importLegacyKey(fixture.privateKey);
    // The recovery key alone moves what it opens, and names what it cannot.
    const first = await rewrap(store, s.keys, 'cli', new Date(at));
    expect(first.skipped).toEqual([fixture.reference]);
    const report = await rewrap(store, { identities: s.keys.identities, legacy }, 'cli', new Date(at));
    expect(report).toEqual({ resealed: 1, skipped: [], readersChanged: false });
    const moved = await showRequest(store, fixture.reference, s.keys);
    expect(moved.personal).toEqual(fixture.personal);
    expect(moved.audit.at(-1)!.detail).toBe('Note scellée au format v1');
    // The audit log is untouched (append-only); the note's readable copy is a note row named after the old seal.
    expect((await store.listNotes(fixture.reference)).map((n) => n.id)).toEqual([await legacyNoteId(fixture.note)]);
    expect(isSealed((await store.getRequest(fixture.reference))!.sealed, 1)).toBe(true);
    expect((await store.listAudit()).filter((a) => a.action === 'keys:rewrap').map((a) => a.detail)).toEqual(['1']);
  });

  it('takes over from an old recovery key to a new one: every request sealed again for the new one', async () => {
    const store = await make();
    const s = await setup({ store });
    const { reference } = (await (await s.post(validRequest)).json()) as { reference: string };
    const next = await newIdentity();
    expect(
      await store.setRecoveryKey(next.recipient, at, {
        at,
        reference: null,
        action: 'keys:recovery',
        operator: 'server',
        detail: null,
      }),
    ).toBe(true);
    expect(await rewrap(store, s.keys, 'cli', new Date(at))).toMatchObject({ resealed: 1 });
    const sealed = (await store.getRequest(reference))!.sealed;
    expect(await open(sealed, { identities: [next.identity] }, reference)).toMatchObject({ email: validRequest.email });
    await expect(open(sealed, s.keys, reference)).rejects.toThrow();
  });
});
