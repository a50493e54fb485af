// Request references people can read aloud and type: no 0/O, 1/I/L, U or V to confuse.
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { b64url, sameText } from '../../shared/crypto/encoding.ts';

export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

type Random = (n: number) => Uint8Array;
const cryptoRandom: Random = (n) => crypto.getRandomValues(new Uint8Array(n));

/**
 * `count` characters drawn uniformly from `alphabet` (at most 256 of them): a byte at or above the largest multiple of
 * the alphabet's length is drawn again, so that no character is likelier than another (no modulo bias).
 */
export function drawFrom(alphabet: string, count: number, random: Random = cryptoRandom): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < count)
    for (const b of random(count - out.length))
      if (b < limit && out.length < count) out += alphabet[b % alphabet.length];
  return out;
}

export function newReference(now: Date, random: Random = cryptoRandom): string {
  const chars = drawFrom(ALPHABET, 8, random);
  return `${now.getUTCFullYear()}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export const REFERENCE = new RegExp(`^\\d{4}-[${ALPHABET}]{4}-[${ALPHABET}]{4}$`);

/** The officer must answer within 30 days of receipt (private-sector act, art. 32). */
export function dueDate(received: Date): Date {
  return new Date(received.getTime() + 30 * 86_400_000);
}

/** A secret derived from a key: the same idempotency key always yields the same status token. */
// HMAC-SHA-256 by @noble/hashes, in this thread: Web Crypto sends each short message to Node's thread pool and back,
// which cost a filing (four of them, with a digest) more than its disk write (docs/contributing.md, "Where a filing's
// time goes").
const encoder = new TextEncoder();
export async function hmac(secret: string, message: string): Promise<string> {
  return b64url(nobleHmac(nobleSha256, encoder.encode(secret), encoder.encode(message)));
}

/** Whether `mac` (base64url) is `message`'s HMAC, compared in a time that depends on the lengths only. */
export async function hmacMatches(secret: string, message: string, mac: string): Promise<boolean> {
  return sameText(await hmac(secret, message), mac);
}
