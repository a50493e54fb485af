// The benchmarks' officer: enrolled and signed in directly in the store (cookie `officer_session=bench`), so that a
// bench reads the inbox's API as a signed-in officer without a passkey ceremony.
import type { AccessStore } from '../../function/store/access.ts';
import type { RequestStore } from '../../function/store/contract.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';

export const BENCH_HEADERS = { Cookie: 'officer_session=bench' };

export async function benchOfficer(store: AccessStore & RequestStore, at = new Date().toISOString()) {
  await store.addInvitation(
    { codeHash: 'bench', name: 'Bench', createdBy: 'bench', createdAt: at, expiresAt: at, usedAt: null },
    { at, reference: null, action: 'officer:invite', operator: 'bench', detail: null },
  );
  const passkey = { credentialId: 'bench', officerId: 'bench', publicKey: 'AA', counter: 0, transports: null };
  await store.redeemInvitation(
    'bench',
    '0000',
    { id: 'bench', name: 'Bench', createdAt: at, revokedAt: null },
    { ...passkey, createdAt: at, lastUsedAt: null },
    { at, reference: null, action: 'officer:enrol', operator: 'bench', detail: null },
  );
  await store.addSession({
    idHash: await sha256('session:bench'),
    officerId: 'bench',
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    revokedAt: null,
  });
}
