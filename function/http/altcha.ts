// ALTCHA proof of work with altcha-lib: signed PBKDF2 challenges that expire; no third party involved.
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
// The Web Crypto variant: the same code runs on Node and in workerd.
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { ProofOfWork } from './app.ts';

const TTL_MS = 10 * 60_000;

/** About a second of work on a mid-range phone at the default cost: enough to price out bulk robots. */
export function altchaProof(secret: string, now: () => Date, cost = 1_000): ProofOfWork {
  const keys = { hmacSignatureSecret: `${secret}:altcha`, hmacKeySignatureSecret: `${secret}:altcha-key` };
  return {
    challenge: () =>
      createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost,
        counter: randomInt(500, 3_000),
        deriveKey,
        expiresAt: new Date(now().getTime() + TTL_MS),
        ...keys,
      }),
    async verify(payload: string) {
      const decoded = JSON.parse(atob(payload)) as {
        challenge?: { signature?: string; parameters?: { expiresAt?: number } };
        solution?: unknown;
      };
      if (!decoded?.challenge?.signature || !decoded.solution) return null;
      const result = await verifySolution({
        challenge: decoded.challenge as never,
        solution: decoded.solution as never,
        deriveKey,
        ...keys,
      });
      if (!result.verified) return null;
      // The challenge's own expiry, in seconds or milliseconds depending on the library version.
      const expiry = decoded.challenge.parameters?.expiresAt ?? 0;
      return { signature: decoded.challenge.signature, expiresAt: expiry < 1e12 ? expiry * 1000 : expiry };
    },
  };
}
