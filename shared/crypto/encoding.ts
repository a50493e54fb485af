// Bytes as text and digests: the same in Node, Workers and the browser.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export const b64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** Bytes from base64url; empty when the text is not base64url. */
export function fromB64url(text: string): Uint8Array<ArrayBuffer> {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

/**
 * SHA-256 as hex: for tokens, idempotency keys and client addresses, which are kept only as hashes. By @noble/hashes
 * (already in every bundle that seals, through age) in this thread: Web Crypto's round trip to a thread pool costs
 * more than hashing a short text.
 */
export async function sha256(text: string): Promise<string> {
  return bytesToHex(nobleSha256(new TextEncoder().encode(text)));
}

/**
 * Whether two strings are equal, in a time that depends on their length only: for comparing a hash computed from
 * what a caller sent with one that is stored.
 */
export function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
  return diff === 0;
}
