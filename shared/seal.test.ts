import { describe, expect, it } from 'vitest';
import { generateOfficerKeys, importPrivateKey, importPublicKey, isSealed, open, seal, sha256 } from './seal.ts';

describe('sealing personal fields', () => {
  it('opens with the officer’s private key what was sealed to the public key', async () => {
    const keys = await generateOfficerKeys();
    const value = { name: 'محمد عبد الله', email: 'm@example.org', details: '王小明 — Nguyễn' };
    const sealed = await seal(value, await importPublicKey(keys.publicKey), 'CITIM-2026-ABCD');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('example.org');
    expect(await open(sealed, await importPrivateKey(keys.privateKey), 'CITIM-2026-ABCD')).toEqual(value);
  });

  it('seals the same value differently each time', async () => {
    const keys = await generateOfficerKeys();
    const pub = await importPublicKey(keys.publicKey);
    expect(await seal('x', pub, 'r')).not.toBe(await seal('x', pub, 'r'));
  });

  it('refuses another key, another reference, or a changed byte', async () => {
    const keys = await generateOfficerKeys();
    const other = await generateOfficerKeys();
    const sealed = await seal({ a: 1 }, await importPublicKey(keys.publicKey), 'REF-1');
    const priv = await importPrivateKey(keys.privateKey);
    await expect(open(sealed, await importPrivateKey(other.privateKey), 'REF-1')).rejects.toThrow();
    await expect(open(sealed, priv, 'REF-2')).rejects.toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    await expect(open(flipped, priv, 'REF-1')).rejects.toThrow();
    await expect(open('garbage', priv, 'REF-1')).rejects.toThrow('not a sealed value');
  });

  it('hashes to hex', async () => {
    expect(await sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('tells a well-formed seal from clear text or junk dressed as one', async () => {
    const keys = await generateOfficerKeys();
    const sealed = await seal('Pièce d’identité vue', await importPublicKey(keys.publicKey), 'note:2026-AAAA-BBBB');
    expect(await isSealed(sealed)).toBe(true);
    const [, epk, salt, iv, ct] = sealed.split('.');
    for (const fake of [
      'v1.Jean Tremblay a appelé le 514 555-0199',
      'v1.aaaaaaaaaa.bbbbbbbbbb.cccccccccc.dddddddddd',
      `v2.${epk}.${salt}.${iv}.${ct}`,
      `v1.${epk}.${salt}.${iv}`,
      `v1.${epk}.${salt}.${iv}.${ct}.extra`,
      `v1.${'A'.repeat(87)}.${salt}.${iv}.${ct}`,
      `v1.${epk}.${salt}.${salt}.${ct}`,
      `v1.${epk}.${salt}.${iv}.AAAA`,
      `v1.${epk}.${salt}.${iv}.${ct} `,
    ])
      expect(await isSealed(fake), fake).toBe(false);
  });
});
