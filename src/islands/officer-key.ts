// The officer's private key on this device: imported from the key file (checked against the server's public key) or
// made here, kept as a non-extractable CryptoKey in IndexedDB (idb-keyval), usable by the inbox, readable by no script.
import { del, get, set } from 'idb-keyval';
import { generateOfficerKeys, importPublicKey, type OfficerKeys, open, seal } from '../../shared/crypto/encoding.ts';

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

/** The private key as this device keeps it: usable for decryption, never exportable again. */
function deviceKey(jwk: JsonWebKey): Promise<CryptoKey> {
  const { key_ops: _ops, ext: _ext, ...bare } = jwk;
  return crypto.subtle.importKey('jwk', bare, ECDH, false, ['deriveBits']);
}

/**
 * A new pair for a portal that has none yet. The private half exists in clear only in memory, for the backup file the
 * officer downloads, until `keepNewKey` stores it non-extractable.
 */
export const makeOfficerKeys = (): Promise<OfficerKeys> => generateOfficerKeys();

/** Keeps the private half of a pair made here, once its public half is registered. */
export async function keepNewKey(privateJwk: JsonWebKey): Promise<CryptoKey> {
  const key = await deviceKey(privateJwk);
  await set(SLOT, key);
  return key;
}
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
    key = await deviceKey(jwk);
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
