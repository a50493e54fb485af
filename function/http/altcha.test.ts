import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { describe, expect, it } from 'vitest';
import { altchaProof } from './altcha.ts';

const now = () => new Date();

async function solved(proof: ReturnType<typeof altchaProof>) {
  const challenge = (await proof.challenge()) as Parameters<typeof solveChallenge>[0]['challenge'];
  const solution = await solveChallenge({ challenge, deriveKey });
  return btoa(JSON.stringify({ challenge, solution }));
}

describe('ALTCHA proof of work', () => {
  it('accepts a solved challenge and names it for replay protection', async () => {
    const proof = altchaProof('secret', now, 100);
    const payload = await solved(proof);
    const result = await proof.verify(payload);
    expect(result?.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(result!.expiresAt).toBeGreaterThan(Date.now());
  }, 30_000);

  it('refuses a solution signed with another secret, or forged', async () => {
    const payload = await solved(altchaProof('secret', now, 100));
    expect(await altchaProof('other-secret', now, 100).verify(payload)).toBeNull();
    const forged = JSON.parse(atob(payload));
    const key: string = forged.solution.derivedKey;
    forged.solution.derivedKey = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
    expect(await altchaProof('secret', now, 100).verify(btoa(JSON.stringify(forged)))).toBeNull();
    await expect(altchaProof('secret', now).verify('not base64 json')).rejects.toThrow();
  }, 30_000);
});
