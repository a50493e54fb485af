// Sealing personal fields to the privacy officer's public key: ephemeral ECDH P-256, HKDF-SHA-256, AES-256-GCM.
// Web Crypto only, so Node and Workers run the same code; only the holder of the private key can open a seal.

const INFO = new TextEncoder().encode('citim-privacy-request/v1');
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export const b64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
/** Bytes from base64url; empty when the text is not base64url. */
export const fromB64url = (text: string) => unb64(text);
const unb64 = (text: string) => {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
};

export interface OfficerKeys {
  /** Published in the function's configuration. */
  publicKey: JsonWebKey;
  /** Kept by the officer only: never on the server. */
  privateKey: JsonWebKey;
}

export async function generateOfficerKeys(): Promise<OfficerKeys> {
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  return {
    publicKey: await crypto.subtle.exportKey('jwk', pair.publicKey),
    privateKey: await crypto.subtle.exportKey('jwk', pair.privateKey),
  };
}

/** Public keys are not secret: extractable, so the server can hand its own to the officer's browser to compare. */
export const importPublicKey = (jwk: JsonWebKey) => crypto.subtle.importKey('jwk', jwk, ECDH, true, []);
export const importPrivateKey = (jwk: JsonWebKey) => crypto.subtle.importKey('jwk', jwk, ECDH, false, ['deriveBits']);

async function aesKey(ikm: CryptoKey, salt: Uint8Array, usage: KeyUsage) {
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: INFO },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}
const hkdfInput = (secret: ArrayBuffer) => crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);

/**
 * An ephemeral key pair serves at most a minute or a thousand seals: the key agreement is the costly part. Every
 * message still gets its own AES key (HKDF with a fresh random salt) and IV, and its reference as associated data.
 */
interface Ephemeral {
  officer: CryptoKey;
  epk: string;
  ikm: CryptoKey;
  uses: number;
  until: number;
}
let current: Promise<Ephemeral> | undefined;
async function ephemeralFor(officer: CryptoKey): Promise<Ephemeral> {
  const e = current && (await current);
  if (e && e.officer === officer && e.uses < 1000 && Date.now() < e.until) {
    e.uses++;
    return e;
  }
  current = (async () => {
    const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
    const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: officer }, pair.privateKey, 256);
    return {
      officer,
      epk: b64url(await crypto.subtle.exportKey('raw', pair.publicKey)),
      ikm: await hkdfInput(secret),
      uses: 1,
      until: Date.now() + 60_000,
    };
  })();
  return current;
}

/**
 * `v1.<ephemeral public key>.<salt>.<iv>.<ciphertext>`, base64url. `context` (the reference) is bound in as associated
 * data.
 */
export async function seal(value: unknown, officer: CryptoKey, context: string): Promise<string> {
  const { epk, ikm } = await ephemeralFor(officer);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await aesKey(ikm, salt, 'encrypt');
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    plain,
  );
  return ['v1', epk, b64url(salt), b64url(iv), b64url(ct)].join('.');
}

/**
 * Whether a text is a well-formed seal: five parts, an ephemeral key that is a point of P-256, a 16-byte salt, a
 * 12-byte IV and a ciphertext holding at least the 16-byte tag. Only the private key can tell whether it opens; this
 * tells the server that a client did not send clear text dressed as a seal.
 */
export async function isSealed(text: string): Promise<boolean> {
  const parts = text.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1' || !parts.slice(1).every((p) => /^[\w-]+$/.test(p))) return false;
  const [, epk, salt, iv, ct] = parts.map((p, i) => (i ? unb64(p) : new Uint8Array()));
  if (salt!.length !== 16 || iv!.length !== 12 || ct!.length < 16 || epk!.length !== 65) return false;
  return crypto.subtle.importKey('raw', epk! as BufferSource, ECDH, false, []).then(
    () => true,
    () => false,
  );
}

export async function open<T = unknown>(sealed: string, privateKey: CryptoKey, context: string): Promise<T> {
  const [version, epk, salt, iv, ct, extra] = sealed.split('.');
  if (version !== 'v1' || !epk || !salt || !iv || !ct || extra !== undefined) throw new Error('not a sealed value');
  const ephemeral = await crypto.subtle.importKey('raw', unb64(epk), ECDH, false, []);
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256);
  const key = await aesKey(await hkdfInput(secret), unb64(salt), 'decrypt');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: unb64(iv), additionalData: new TextEncoder().encode(context) },
    key,
    unb64(ct),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** SHA-256 as hex: for tokens, idempotency keys and client addresses, which are kept only as hashes. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
