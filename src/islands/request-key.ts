// The idempotency key of a request: the same for every retry of the same request, a new one once it changes.
// The function refuses a key reused for another request, so a request edited after Back needs a new key; only a hash
// of the request is kept in the tab's storage, never the request.
export async function keyFor(request: unknown, storage: Storage | undefined = globalThis.sessionStorage) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(request)));
  const hash = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  let kept: { key?: string; hash?: string } = {};
  try {
    kept = JSON.parse(storage?.getItem('request-key') ?? '{}');
  } catch {
    // No storage in this browser (or a corrupt entry): a key for this page only.
  }
  if (kept.hash === hash && kept.key) return kept.key;
  const key = crypto.randomUUID();
  try {
    storage?.setItem('request-key', JSON.stringify({ key, hash }));
  } catch {
    // Same as above.
  }
  return key;
}
