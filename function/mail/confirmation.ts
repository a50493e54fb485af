// The e-mail confirmation link's code: the server's HMAC of the request's reference, made when the receipt is sent.
// Nothing is stored for it at filing (the filing path writes only what it must); its use is the audit log's entry.
import { hmac, hmacMatches } from '../domain/reference.ts';

/** The link works 7 days from receipt, once. */
export const CONFIRMATION_MS = 7 * 86_400_000;

/** A code as the link carries it: 32 bytes, base64url. */
export const CONFIRM_CODE = /^[\w-]{43}$/;

const message = (reference: string) => `confirm:${reference}`;

export const confirmationCode = (secret: string, reference: string) => hmac(secret, message(reference));

/** Whether `code` is the one sent for `reference` (a code for another request or a made-up one is not). */
export async function isConfirmationCode(secret: string, reference: string, code: string): Promise<boolean> {
  return CONFIRM_CODE.test(code) && hmacMatches(secret, message(reference), code);
}

/** A code as it stands: not used yet, used, past its 7 days, or not one the portal sent. */
export type CodeState = 'pending' | 'already' | 'expired' | 'unknown';
export type ConfirmOutcome = Exclude<CodeState, 'pending'> | 'confirmed';

/** What a genuine code's request says of it at `now`: confirmed already, expired, or waiting for the click. */
export function codeState(receivedAt: string, confirmedAt: string | null, now: Date): Exclude<CodeState, 'unknown'> {
  if (confirmedAt) return 'already';
  return now.getTime() >= Date.parse(receivedAt) + CONFIRMATION_MS ? 'expired' : 'pending';
}
