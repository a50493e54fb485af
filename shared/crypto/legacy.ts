// Format v1, the project's own seal before age (ephemeral ECDH P-256, HKDF-SHA-256, AES-256-GCM, the reference as
// associated data), kept to open what was sealed with it: nothing is sealed this way any more. A deployment moves its
// v1 requests to the current format with the former shared key, once (the inbox, or `officer -- rewrap`).
import { fromB64url } from './encoding.ts';

const INFO = new TextEncoder().encode('citim-privacy-request/v1');
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** Whether a text is in format v1 (it opens only with the former shared P-256 key). */
export const isLegacy = (text: string) => text.startsWith('v1.');

/** The former shared key's private half, from its JWK file: usable to open v1 seals, never exportable again. */
export function importLegacyKey(jwk: JsonWebKey): Promise<CryptoKey> {
  const { key_ops: _ops, ext: _ext, ...bare } = jwk;
  if (bare.kty !== 'EC' || bare.crv !== 'P-256' || typeof bare.d !== 'string')
    return Promise.reject(new Error('not a P-256 private key'));
  return crypto.subtle.importKey('jwk', bare, ECDH, false, ['deriveBits']);
}

export async function openLegacy<T = unknown>(sealed: string, privateKey: CryptoKey, context: string): Promise<T> {
  const [version, epk, salt, iv, ct, extra] = sealed.split('.');
  if (version !== 'v1' || !epk || !salt || !iv || !ct || extra !== undefined) throw new Error('not a sealed value');
  const ephemeral = await crypto.subtle.importKey('raw', fromB64url(epk) as BufferSource, ECDH, false, []);
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256);
  const ikm = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromB64url(salt) as BufferSource, info: INFO },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromB64url(iv) as BufferSource, additionalData: new TextEncoder().encode(context) },
    key,
    fromB64url(ct) as BufferSource,
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
