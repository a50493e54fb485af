// Sealing personal data for its readers in the age format (age-encryption.org/v1, through typage, `age-encryption`):
// each sealed value has its own file key, wrapped for each reader (every active officer's device key and the
// organisation's recovery key) with a fresh ephemeral X25519 share. Nothing here is a construction of our own: the
// value is an age file, which the standard `age` command line opens with the recovery key.
import { bech32 } from '@scure/base';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { b64url, fromB64url, sha256 } from './encoding.ts';
import { isLegacy, openLegacy } from './legacy.ts';

/** Sealed text: `v2.` and the age file, base64url. (`v1.` was the project's own format, see legacy.ts.) */
const PREFIX = 'v2.';
const HEADER = 'age-encryption.org/v1\n';

/** What opens seals: officers' non-extractable X25519 keys, age identities (the recovery key), the former v1 key. */
export interface OpeningKeys {
  identities: readonly (CryptoKey | string)[];
  /** The former shared P-256 key, for requests sealed before age (format v1). */
  legacy?: CryptoKey | undefined;
}

/**
 * What a seal holds: the value and what it belongs to (a request's reference, a note's): a seal copied onto another
 * request in the database does not open there. age has no associated data; this is the same binding, inside.
 */
interface Envelope<T> {
  for: string;
  value: T;
}

/** An age X25519 recipient (`age1…`, bech32). */
export const isRecipient = (text: string) => /^age1[02-9ac-hj-np-z]{58}$/.test(text);

/** Seals `value` for every recipient (at least one), bound to `context`. */
export async function seal(value: unknown, recipients: readonly string[], context: string): Promise<string> {
  if (!recipients.length) throw new Error('nobody to seal for');
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  const envelope: Envelope<unknown> = { for: context, value };
  return PREFIX + b64url(await e.encrypt(JSON.stringify(envelope)));
}

/** Opens a seal of either format with whichever of `keys` it was made for; throws when none opens it. */
export async function open<T = unknown>(sealed: string, keys: OpeningKeys, context: string): Promise<T> {
  if (isLegacy(sealed)) {
    if (!keys.legacy) throw new Error('sealed with the former shared key (v1)');
    return openLegacy<T>(sealed, keys.legacy, context);
  }
  if (!sealed.startsWith(PREFIX) || !keys.identities.length) throw new Error('not a sealed value');
  const d = new Decrypter();
  for (const identity of keys.identities) d.addIdentity(identity);
  const envelope = JSON.parse(await d.decrypt(fromB64url(sealed.slice(PREFIX.length)), 'text')) as Envelope<T>;
  if (envelope.for !== context) throw new Error('sealed for something else');
  return envelope.value;
}

/** The age file inside a sealed text, as the `age` command line reads it (`age -d -i recovery.key file.age`). */
export const ageFileOf = (sealed: string) =>
  sealed.startsWith(PREFIX) ? fromB64url(sealed.slice(PREFIX.length)) : new Uint8Array();

/**
 * Whether a text is an age file sealed for X25519 recipients only (exactly `recipients` of them, when given), with a
 * payload. Only a key can tell whether it opens; this tells the server that a client did not send clear text dressed
 * as a seal, nor a seal for fewer readers than it should have.
 */
export function isSealed(text: string, recipients?: number): boolean {
  if (!text.startsWith(PREFIX) || !/^[\w-]+$/.test(text.slice(PREFIX.length))) return false;
  const bytes = fromB64url(text.slice(PREFIX.length));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 16_384)));
  const end = head.indexOf('\n--- ');
  if (!head.startsWith(HEADER) || end < 0) return false;
  const lines = head.slice(HEADER.length, end).split('\n');
  const mac = head.slice(end + 5, head.indexOf('\n', end + 5));
  const stanza = /^-> X25519 [A-Za-z0-9+/]{43}$/;
  const body = /^[A-Za-z0-9+/]{43}$/;
  if (lines.length % 2 || !/^[A-Za-z0-9+/]{43}$/.test(mac)) return false;
  for (let i = 0; i < lines.length; i += 2) if (!stanza.test(lines[i]!) || !body.test(lines[i + 1]!)) return false;
  const payload = bytes.length - (end + 5 + mac.length + 1);
  // A 16-byte nonce, then at least one chunk with its 16-byte tag.
  return lines.length > 0 && payload >= 32 && (recipients === undefined || lines.length / 2 === recipients);
}

/** Opens with `keys` and seals again for `recipients`: a new file key, the readers of now. */
export async function reseal(sealed: string, keys: OpeningKeys, recipients: readonly string[], context: string) {
  return seal(await open(sealed, keys, context), recipients, context);
}

/** A short, stable name for a recipient (the audit log's and the key list's). */
export const fingerprint = async (recipient: string) => (await sha256(`age-recipient:${recipient}`)).slice(0, 16);

/** The set of readers a value is sealed for, as one comparable text: their fingerprints, sorted. */
export async function keysetOf(recipients: readonly string[]): Promise<string> {
  return (await Promise.all(recipients.map(fingerprint))).sort().join(' ');
}

/** A new X25519 identity (`AGE-SECRET-KEY-1…`) and its recipient (`age1…`). */
export async function newIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The recipient of an identity, string or CryptoKey. */
export const recipientOf = (identity: string | CryptoKey) => identityToRecipient(identity);

/** PKCS #8 for an X25519 private key (RFC 8410): this prefix, then the 32-byte scalar. */
const PKCS8_X25519 = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);

/**
 * An age identity as a Web Crypto key this device can use and no script can read back (non-extractable), which
 * typage takes as an identity. Throws on anything that is not an X25519 age identity.
 */
export async function identityKey(identity: string): Promise<CryptoKey> {
  const decoded = bech32.decodeToBytes(identity.trim());
  if (decoded.prefix.toUpperCase() !== 'AGE-SECRET-KEY-' || decoded.bytes.length !== 32)
    throw new Error('not an age X25519 identity');
  const pkcs8 = new Uint8Array(PKCS8_X25519.length + 32);
  pkcs8.set(PKCS8_X25519);
  pkcs8.set(decoded.bytes, PKCS8_X25519.length);
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']);
}

/** An identity file's key, as `age-keygen` writes it: comment lines, then `AGE-SECRET-KEY-1…`. */
export function identityIn(fileText: string): string | null {
  const line = fileText
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('AGE-SECRET-KEY-1'));
  return line ?? null;
}

/** An identity file as `age-keygen` writes it, which the `age` command line reads with `-i`. */
export const identityFile = (made: { identity: string; recipient: string }, at: Date) =>
  `# created: ${at.toISOString().replace(/\.\d+Z$/, 'Z')}\n# public key: ${made.recipient}\n${made.identity}\n`;
