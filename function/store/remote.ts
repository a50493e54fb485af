// The request store through the function's admin API: how the officer's CLI works on a Workers deployment.
// Only ciphertext crosses the network; the private key stays with the officer.
import { OFFICER_ERROR_KINDS, OfficerError } from '../domain/officer.ts';
import type { AuditEntry, Note, RequestStore, ScanStore, StoredRequest, ToReseal } from './contract.ts';

type PublicRow = Omit<StoredRequest, 'tokenHash' | 'idempotencyHash' | 'payloadHash' | 'ownerHash'>;

export function remoteStore(
  base: string,
  token: string,
  send: typeof fetch = fetch,
): RequestStore & Pick<ScanStore, 'recordScan'> {
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await send(new URL(`/api/admin${path}`, base), {
      ...init,
      // The command line speaks English: the server's refusals come back in it.
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Accept-Language': 'en',
        ...init.headers,
      },
    });
    if (response.status === 401) throw new Error('The admin API refused the token.');
    return response;
  };
  /** The server's refusal, in its words and of its kind, as the local tools would have raised it. */
  const fail = async (response: Response) => {
    const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
    const kind = OFFICER_ERROR_KINDS.find((k) => k === body.error) ?? 'input';
    throw new OfficerError(body.message ?? body.error ?? `HTTP ${response.status}`, kind);
  };
  // The API never hands out the hashes that guard the requester's status address and idempotency key.
  const row = (r: PublicRow): StoredRequest => ({
    ...r,
    tokenHash: '',
    idempotencyHash: '',
    payloadHash: null,
    ownerHash: null,
    keyset: r.keyset ?? '',
  });

  return {
    async listRequests() {
      return ((await (await call('/requests')).json()) as PublicRow[]).map(row);
    },
    async getRequest(reference) {
      const response = await call(`/requests/${encodeURIComponent(reference)}`);
      return response.status === 404 ? null : row(await response.json());
    },
    async setStatus(change, audit, followUps) {
      // The server stamps the time, checks the transition from the status read here (compare-and-set) and composes
      // the message to the requester itself.
      const response = await call(`/requests/${encodeURIComponent(change.reference)}/status`, {
        method: 'POST',
        body: JSON.stringify({
          status: change.to,
          from: change.from,
          operator: audit.operator,
          note: change.note ? { id: change.note.id, sealed: change.note.sealed } : null,
          notify: followUps?.notify ?? null,
        }),
      });
      if (!response.ok) await fail(response);
      return true;
    },
    async appendAudit(entry: AuditEntry) {
      // The server stamps the time itself.
      const response = await call('/audit', {
        method: 'POST',
        body: JSON.stringify({ reference: entry.reference, action: entry.action, operator: entry.operator }),
      });
      if (!response.ok) await fail(response);
    },
    async listAudit(reference) {
      return (await (
        await call(`/audit${reference ? `?reference=${encodeURIComponent(reference)}` : ''}`)
      ).json()) as AuditEntry[];
    },
    async recordScan(scan, audit) {
      // The server checks the summary again and stamps the time itself.
      const response = await call('/scans', {
        method: 'POST',
        body: JSON.stringify({ summary: JSON.parse(scan.summary), operator: audit.operator }),
      });
      if (!response.ok) await fail(response);
    },
    async deleteRequests(references, audit) {
      const response = await call('/purge', {
        method: 'POST',
        body: JSON.stringify({ references, operator: audit[0]?.operator }),
      });
      if (!response.ok) await fail(response);
      return ((await response.json()) as { deleted: number }).deleted;
    },
    async listNotes(reference) {
      return (await (await call(`/notes/${encodeURIComponent(reference)}`)).json()) as Note[];
    },
    async recipients() {
      return (await (await call('/recipients')).json()) as string[];
    },
    async pageToReseal(keyset, after, _limit) {
      const query = new URLSearchParams({ keyset, after });
      const response = await call(`/reseal?${query}`);
      if (!response.ok) await fail(response);
      return (await response.json()) as { total: number; rows: ToReseal[] };
    },
    async resealRequests(items, keyset, audit) {
      const response = await call('/reseal', {
        method: 'POST',
        body: JSON.stringify({ keyset, items, operator: audit.operator }),
      });
      if (!response.ok) await fail(response);
      return ((await response.json()) as { written: number }).written;
    },
    setRecoveryKey: () => Promise.reject(new Error('The recovery key is the server’s configuration.')),
    insertRequest: () => Promise.reject(new Error('Requests are filed by the requester, not through the admin API.')),
    requestByIdempotency: () =>
      Promise.reject(new Error('Idempotency keys are the filing route’s, not the admin API’s.')),
  };
}
