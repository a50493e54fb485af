// `npm run bench -- seal`: the two standards considered for sealing a request, measured on the same request for four
// readers (three officers and the recovery key): age (age-encryption, what the portal uses) against HPKE (RFC 9180,
// @hpke/core, DHKEM(X25519 or P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM) wrapping a per-request AES-256-GCM data
// key for each reader. Size per request as stored, time to seal and to open, weight of each in the inbox's bundle.
import { gzipSync } from 'node:zlib';
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256, type KemInterface } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { build } from 'esbuild';
import { b64url } from '../../shared/crypto/encoding.ts';
import { identityKey, newIdentity, open, seal } from '../../shared/crypto/sealed.ts';
import { validRequest } from '../../shared/request-fixture.ts';

const READERS = 4;
const ROUNDS = 300;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) await work();
  return (performance.now() - start) / ROUNDS;
}

/** The HPKE envelope a project would have to write itself: a data key sealed for each reader, the payload under it. */
async function hpkeFigures(plain: Uint8Array, kem: KemInterface) {
  const suite = new CipherSuite({ kem, kdf: new HkdfSha256(), aead: new Aes128Gcm() });
  const pairs = await Promise.all(Array.from({ length: READERS }, () => suite.kem.generateKeyPair()));
  const sealOne = async () => {
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const key = await crypto.subtle.importKey('raw', dataKey, 'AES-GCM', false, ['encrypt']);
    const body = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as BufferSource));
    const wrapped = await Promise.all(
      pairs.map(async (p) => {
        const { ct, enc } = await suite.seal({ recipientPublicKey: p.publicKey }, dataKey.buffer as ArrayBuffer);
        return `${b64url(enc)}.${b64url(ct)}`;
      }),
    );
    return { text: [...wrapped, b64url(iv), b64url(body)].join('.'), iv, body, wrapped };
  };
  const sample = await sealOne();
  const openOne = async () => {
    const [enc, ct] = sample.wrapped[0]!.split('.');
    const from = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const dataKey = await suite.open(
      { recipientKey: pairs[0]!, enc: from(enc!).buffer as ArrayBuffer },
      from(ct!).buffer as ArrayBuffer,
    );
    const key = await crypto.subtle.importKey('raw', dataKey, 'AES-GCM', false, ['decrypt']);
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: sample.iv }, key, sample.body);
  };
  return { size: sample.text.length, seal: await timed(sealOne), open: await timed(openOne) };
}

async function ageFigures(value: unknown) {
  const readers = await Promise.all(Array.from({ length: READERS }, () => newIdentity()));
  const recipients = readers.map((r) => r.recipient);
  const sealed = await seal(value, recipients, '2026-ABCD-EFGH');
  const device = { identities: [await identityKey(readers[1]!.identity)] };
  return {
    size: sealed.length,
    seal: await timed(() => seal(value, recipients, '2026-ABCD-EFGH')),
    open: await timed(() => open(sealed, device, '2026-ABCD-EFGH')),
  };
}

/** Minified and gzipped, what each adds to the inbox: sealing and opening only. */
async function weight(source: string): Promise<number> {
  const out = await build({
    stdin: { contents: source, resolveDir: new URL('../..', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  return gzipSync(out.outputFiles[0]!.contents).length;
}

export async function sealFigures() {
  const { type: _t, holder: _h, acknowledged: _a, ...personal } = validRequest;
  const plain = new TextEncoder().encode(JSON.stringify({ for: '2026-ABCD-EFGH', value: personal }));
  const age = await ageFigures(personal);
  const hpke = await hpkeFigures(plain, new DhkemX25519HkdfSha256());
  const hpkeP256 = await hpkeFigures(plain, new DhkemP256HkdfSha256());
  const ageWeight = await weight("export { seal, open } from './shared/crypto/sealed.ts';");
  const hpkeWeight = await weight(
    "export { CipherSuite, Aes128Gcm, HkdfSha256 } from '@hpke/core';" +
      "export { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';",
  );
  const row = (name: string, f: { size: number; seal: number; open: number }, w: number) =>
    console.log(
      `  ${name.padEnd(10)} ${String(f.size).padStart(5)} chars  seal ${f.seal.toFixed(2)} ms  ` +
        `open ${f.open.toFixed(2)} ms  inbox +${(w / 1024).toFixed(1)} kB gzip`,
    );
  console.log(`\nSealing one request (${plain.length} bytes of JSON) for ${READERS} readers, mean of ${ROUNDS}`);
  row('age', age, ageWeight);
  row('HPKE', hpke, hpkeWeight);
  row(
    'HPKE P-256',
    hpkeP256,
    await weight("export { CipherSuite, Aes128Gcm, HkdfSha256, DhkemP256HkdfSha256 } from '@hpke/core';"),
  );
}
