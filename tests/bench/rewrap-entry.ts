// Bundled into the page by `npm run bench -- inbox`: the inbox's re-wrap (resealAll through the officer API), timed in
// the browser with a non-extractable device key, as an officer's inbox runs it.
import { identityKey } from '../../shared/crypto/sealed.ts';
import { resealAll } from '../../shared/sealed-request.ts';

const api = (path: string, body?: unknown) =>
  fetch(`/api/officer${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json', 'X-Officer': '1' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

(globalThis as unknown as { rewrapBench: (identity: string) => Promise<unknown> }).rewrapBench = async (identity) => {
  const key = await identityKey(identity);
  const start = performance.now();
  const report = await resealAll(
    {
      page: async (after) => (await api(`/reseal?${new URLSearchParams({ after })}`)).json(),
      write: async (keyset, items) =>
        ((await (await api('/reseal', { keyset, items })).json()) as { written: number }).written,
    },
    { identities: [key] },
  );
  return { ...report, skipped: report.skipped.length, ms: performance.now() - start };
};
