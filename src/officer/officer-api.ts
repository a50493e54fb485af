// The inbox's one way to the officer API: same-origin requests, the header that tells the server a change comes from
// this page (the CSRF guard), and the passkey confirmation a sensitive action asks for, run once, then the action again.
import { startAuthentication } from '@simplewebauthn/browser';

const API = '/api/officer';

/** GET without a body, POST with one (JSON). */
function send(path: string, body?: unknown): Promise<Response> {
  return fetch(`${API}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json', 'X-Officer': '1' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
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
 * Calls the API. An export, purge, invitation or revocation the server wants confirmed (403 `confirm`) asks for the
 * passkey, then is sent once more; if the confirmation fails, the refusal is what comes back.
 */
export async function call(path: string, body?: unknown): Promise<Response> {
  const response = await send(path, body);
  if (response.status !== 403 || body === undefined) return response;
  const problem = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: string } | null;
  if (problem?.error !== 'confirm' || !(await confirmPresence())) return response;
  return send(path, body);
}
