// Sealing in the age format: for several readers at once, each opening alone; bound to what it belongs to; a format
// check the server can make without a key; and the v1 seals made before age, which still open with the former key.
import { readFileSync } from 'node:fs';
import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { sha256 } from './encoding.ts';
import { importLegacyKey } from './legacy.ts';
import {
  ageFileOf,
  fingerprint,
  identityIn,
  identityKey,
  isRecipient,
  isSealed,
  keysetOf,
  newIdentity,
  open,
  recipientOf,
  reseal,
  seal,
} from './sealed.ts';

const value = { name: 'محمد عبد الله', email: 'm@example.org', details: '王小明 — Nguyễn' };

describe('sealing for several readers (age)', () => {
  it('opens for each reader alone, with an identity string or a non-extractable Web Crypto key', async () => {
    const [a, b, recovery] = await Promise.all([newIdentity(), newIdentity(), newIdentity()]);
    const sealed = await seal(value, [recovery.recipient, a.recipient, b.recipient], '2026-ABCD-EFGH');
    expect(sealed).toMatch(/^v2\.[\w-]+$/);
    expect(sealed).not.toContain('example.org');
    expect(isSealed(sealed, 3)).toBe(true);
    for (const reader of [a, b, recovery])
      expect(await open(sealed, { identities: [reader.identity] }, '2026-ABCD-EFGH')).toEqual(value);
    const device = await identityKey(a.identity);
    expect(device.extractable).toBe(false);
    expect(await recipientOf(device)).toBe(a.recipient);
    expect(await open(sealed, { identities: [device] }, '2026-ABCD-EFGH')).toEqual(value);
  });

  it('uses a new file key and new ephemeral shares each time', async () => {
    const a = await newIdentity();
    expect(await seal('x', [a.recipient], 'r')).not.toBe(await seal('x', [a.recipient], 'r'));
  });

  it('refuses another key, another reference, a changed byte, or nobody to seal for', async () => {
    const [a, other] = await Promise.all([newIdentity(), newIdentity()]);
    const sealed = await seal({ a: 1 }, [a.recipient], 'REF-1');
    const keys = { identities: [a.identity] };
    await expect(open(sealed, { identities: [other.identity] }, 'REF-1')).rejects.toThrow();
    // Copied onto another request in the database, it does not open there.
    await expect(open(sealed, keys, 'REF-2')).rejects.toThrow('sealed for something else');
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    await expect(open(flipped, keys, 'REF-1')).rejects.toThrow();
    await expect(open('garbage', keys, 'REF-1')).rejects.toThrow('not a sealed value');
    await expect(seal('x', [], 'r')).rejects.toThrow('nobody');
  });

  it('is an age file the standard tools open with the recovery key', async () => {
    const recovery = await newIdentity();
    const sealed = await seal(value, [recovery.recipient], 'REF-1');
    const d = new Decrypter();
    d.addIdentity(recovery.identity);
    expect(JSON.parse(await d.decrypt(ageFileOf(sealed), 'text'))).toEqual({ for: 'REF-1', value });
  });

  it('tells a seal for exactly N X25519 readers from clear text or junk dressed as one', async () => {
    const [a, b] = await Promise.all([newIdentity(), newIdentity()]);
    const sealed = await seal('Pièce d’identité vue', [a.recipient, b.recipient], 'note:2026-AAAA-BBBB');
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(sealed, 2)).toBe(true);
    expect(isSealed(sealed, 3)).toBe(false);
    const text = (s: string) => `v2.${Buffer.from(s, 'latin1').toString('base64url')}`;
    const stanza = `-> X25519 ${'A'.repeat(43)}\n${'B'.repeat(43)}\n`;
    for (const fake of [
      'v2.Jean Tremblay a appelé le 514 555-0199',
      text('clear text'),
      text(`age-encryption.org/v1\n--- ${'C'.repeat(43)}\n${'x'.repeat(40)}`),
      text(`age-encryption.org/v1\n-> scrypt AAAA 18\n${'B'.repeat(43)}\n--- ${'C'.repeat(43)}\n${'x'.repeat(40)}`),
      text(`age-encryption.org/v1\n${stanza}--- ${'C'.repeat(43)}\nshort`),
      `${sealed} `,
    ])
      expect(isSealed(fake), fake).toBe(false);
    expect(isSealed(text(`age-encryption.org/v1\n${stanza}--- ${'C'.repeat(43)}\n${'x'.repeat(40)}`))).toBe(true);
  });

  it('seals again for new readers, dropping the old ones', async () => {
    const [a, b, c] = await Promise.all([newIdentity(), newIdentity(), newIdentity()]);
    const sealed = await seal(value, [a.recipient, b.recipient], 'R');
    const again = await reseal(sealed, { identities: [a.identity] }, [a.recipient, c.recipient], 'R');
    expect(await open(again, { identities: [c.identity] }, 'R')).toEqual(value);
    await expect(open(again, { identities: [b.identity] }, 'R')).rejects.toThrow();
  });

  it('names recipients and sets of them stably, whatever the order', async () => {
    const [a, b] = await Promise.all([newIdentity(), newIdentity()]);
    expect(isRecipient(a.recipient)).toBe(true);
    expect(isRecipient(a.identity)).toBe(false);
    expect(await fingerprint(a.recipient)).toMatch(/^[0-9a-f]{16}$/);
    expect(await keysetOf([a.recipient, b.recipient])).toBe(await keysetOf([b.recipient, a.recipient]));
    expect(identityIn(`# created: x\n# public key: ${a.recipient}\n${a.identity}\n`)).toBe(a.identity);
    expect(identityIn('{"kty":"EC"}')).toBeNull();
    await expect(identityKey(a.recipient)).rejects.toThrow();
  });

  it('hashes to hex', async () => {
    expect(await sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('format v1, sealed before age', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../../function/store/fixtures/v1-request.json', import.meta.url), 'utf8'),
  );

  it('still opens with the former shared key, bound to its reference, and with nothing else', async () => {
    const legacy = await importLegacyKey(fixture.privateKey);
    const keys = { identities: [], legacy };
    expect(await open(fixture.sealed, keys, fixture.reference)).toEqual(fixture.personal);
    expect(await open(fixture.note, keys, `note:${fixture.reference}`)).toBe('Note scellée au format v1');
    await expect(open(fixture.sealed, keys, '2026-AAAA-BBBB')).rejects.toThrow();
    await expect(
      open(fixture.sealed, { identities: [(await newIdentity()).identity] }, fixture.reference),
    ).rejects.toThrow('former shared key');
  });

  it('moves to age for today’s readers, with the former key', async () => {
    const recovery = await newIdentity();
    const keys = { identities: [], legacy: await importLegacyKey(fixture.privateKey) };
    const moved = await reseal(fixture.sealed, keys, [recovery.recipient], fixture.reference);
    expect(isSealed(moved, 1)).toBe(true);
    expect(await open(moved, { identities: [recovery.identity] }, fixture.reference)).toEqual(fixture.personal);
  });
});
