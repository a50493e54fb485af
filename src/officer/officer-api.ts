// The inbox's one client of the officer API, typed from its routes (Hono's `hc`): same-origin requests, the header
// that tells the server a change comes from this page (the CSRF guard), and the passkey confirmation a sensitive
// action asks for, run once, then the action again.
import { startAuthentication } from '@simplewebauthn/browser';
import { hc, type InferResponseType } from 'hono/client';
// Types only (erased from the bundle): the routes are the contract, so a changed answer fails `npm run check` here.
import type { OfficerApi, OfficerProblem } from '../../function/routes/officer-types.ts';

const API = '/api/officer';

/** GET without a body, POST with one (JSON): the few requests the confirmation itself needs, untyped on purpose. */
function send(path: string, body: unknown): Promise<Response> {
  return fetch(`${API}${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Officer': '1' },
    body: JSON.stringify(body),
  });
}

/** Shows the passkey again (the server's `confirm` ceremony); false when the officer cancelled or it failed. */
async function confirmPresence(): Promise<boolean> {
  const options = await send('/confirm/options', {});
  if (!options.ok) return false;
  try {
    const response = await startAuthentication({ optionsJSON: await options.json() });
    return (await send('/confirm/verify', { response })).ok;
  } catch {
    return false;
  }
}

/**
 * Every request of the client. An export, purge, invitation or revocation the server wants confirmed (403
 * `confirm`) asks for the passkey, then is sent once more; if the confirmation fails, the refusal is what comes back.
 */
const confirming: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status !== 403 || !init?.method || init.method === 'GET') return response;
  if ((await problemOf(response)) !== 'confirm' || !(await confirmPresence())) return response;
  return fetch(input, init);
};

/** The officer API: `api.requests.$get({ query })`, `api.requests[':reference'].$get({ param })`… */
export const api = hc<OfficerApi>(API, {
  fetch: confirming,
  headers: { 'X-Officer': '1' },
  init: { credentials: 'same-origin' },
});

/**
 * The address of the journal's CSV, which the browser downloads itself (a link: same origin, the session's cookie).
 * Built here, not with `hc`'s `$url`, which needs an absolute base the page does not have while it is built.
 */
export const auditCsvHref = (query: Record<string, string>) =>
  `${API}/audit.csv?${new URLSearchParams(Object.entries(query).filter(([, v]) => v))}`;

/**
 * What a refusal says, in the one shape every API answer has (`{ error, message }`); `network` for an answer not from
 * the API (a proxy's error page); null for a success.
 */
export async function problemOf(response: Response): Promise<OfficerProblem | 'network' | null> {
  if (response.ok) return null;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: OfficerProblem } | null;
  return body?.error ?? 'network';
}

/** The answer of an API call when it succeeds, e.g. `Answer<typeof api.officers.$get>`. */
// biome-ignore lint/suspicious/noExplicitAny: any endpoint of the client, whatever its arguments
export type Answer<F extends (...args: any[]) => unknown> = InferResponseType<F, 200>;
