// The officer's private key on this device: imported from the key file, checked against the server's public key, kept
// as a non-extractable CryptoKey in IndexedDB (idb-keyval), usable by the inbox but never readable by any script.
import { del, get, set } from 'idb-keyval';
import { importPublicKey, open, seal } from '../../shared/seal.ts';

const SLOT = 'citim-officer-private-key';
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export type KeyProblem = 'not-a-key' | 'mismatch';
export class KeyRefused extends Error {
  readonly problem: KeyProblem;
  constructor(problem: KeyProblem) {
    super(problem);
    this.problem = problem;
  }
}

export const storedKey = () => get<CryptoKey>(SLOT);
export const forgetKey = () => del(SLOT);

/**
 * Reads a private key file (JWK) and keeps it only if it opens what is sealed to the server's public key: a key for
 * another deployment, or a file that is not a key, is refused before anything is shown.
 */
export async function importOfficerKey(fileText: string, serverPublic: JsonWebKey): Promise<CryptoKey> {
  let key: CryptoKey;
  try {
    const jwk = JSON.parse(fileText) as JsonWebKey;
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string')
      throw new Error('not a P-256 private key');
    const { key_ops: _ops, ext: _ext, ...bare } = jwk;
    key = await crypto.subtle.importKey('jwk', bare, ECDH, false, ['deriveBits']);
  } catch {
    throw new KeyRefused('not-a-key');
  }
  const probe = crypto.randomUUID();
  const opened = await open(
    await seal(probe, await importPublicKey(serverPublic), 'key-check'),
    key,
    'key-check',
  ).catch(() => null);
  if (opened !== probe) throw new KeyRefused('mismatch');
  await set(SLOT, key);
  return key;
}
