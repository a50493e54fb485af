// Who may read what: the keys requests are sealed for (each officer's device keys and the recovery key), the re-wrap
// when they change, and the officers themselves (invitations, revocations).
import { Hono } from 'hono';
import type { Toolkit } from '../http/http.ts';
import { auditBy, type Guards, malformed, type OfficerEnv, refuse } from './officer-signin.ts';
import { jsonBody, queryOf } from './body.ts';
import { officerBodies } from './officer-bodies.ts';
import { type AccessStore, createInvitation } from '../store/access.ts';
import { fingerprint } from '../../shared/crypto/sealed.ts';
import { resealLooksRight } from '../../shared/sealed-request.ts';

export function accessRoutes(kit: Toolkit, access: AccessStore, { signedIn, confirmed }: Guards) {
  const { deps } = kit;
  const now = () => deps.clock();
  const audit = auditBy(deps.clock);
  const app = new Hono<OfficerEnv>()

    /**
     * Who requests are sealed for now: the recovery key and every active officer's device keys (fingerprints, names),
     * with today's recipients and keyset; the officer's own keys marked, so the browser knows whether this device's is
     * among them.
     */
    .get('/keys', signedIn, async (c) => {
      const { recipients, keyset } = await kit.recipients();
      const officers = new Map((await access.listOfficers()).map((o) => [o.id, o]));
      const keys = await Promise.all(
        (await access.listOfficerKeys()).map(async (k) => ({
          fingerprint: k.fingerprint,
          recipient: k.recipient,
          officer: officers.get(k.officerId)?.name ?? '',
          mine: k.officerId === c.var.officer.id,
          createdAt: k.createdAt,
          revokedAt: k.revokedAt ?? officers.get(k.officerId)?.revokedAt ?? null,
        })),
      );
      const recovery = recipients.length && !keys.some((k) => k.recipient === recipients[0]) ? recipients[0]! : null;
      return c.json({
        recipients,
        keyset,
        recovery: recovery ? { recipient: recovery, fingerprint: await fingerprint(recovery) } : null,
        keys,
      });
    })

    /**
     * The public half of a key pair made in this officer's browser (the private half stays there). Requests filed from
     * now on are sealed for it too; older ones once an officer or the recovery key has re-wrapped them. A new reader is
     * a sensitive change: the passkey is asked again.
     */
    .post('/keys', signedIn, confirmed, jsonBody(officerBodies.addKey, malformed), async (c) => {
      const body = c.req.valid('json');
      const mine = (await access.listOfficerKeys()).filter((k) => k.officerId === c.var.officer.id && !k.revokedAt);
      if (mine.length >= 5) return refuse(c, 409, 'too-many-keys');
      const print = await fingerprint(body.recipient);
      const at = now().toISOString();
      const done = await access.addOfficerKey(
        { fingerprint: print, officerId: c.var.officer.id, recipient: body.recipient, createdAt: at },
        audit('keys:add', c.var.officer.name, print),
      );
      return done ? c.json({ fingerprint: print }, 201) : refuse(c, 409, 'key-exists');
    })

    /** A page of requests not sealed for today's readers, for this officer's browser to re-wrap. */
    .get('/reseal', signedIn, queryOf(officerBodies.resealQuery, malformed), async (c) => {
      const { recipients, keyset } = await kit.recipients();
      return c.json({ recipients, keyset, ...(await deps.store.pageToReseal(keyset, c.req.valid('query').after, 50)) });
    })

    /**
     * Re-wrapped requests, each written only if still sealed as read. It replaces what is stored: a session left open
     * must not be enough to overwrite the requests with seals of its own making, so the passkey is asked again. Refused
     * whole if today's readers changed since the page was read (the browser starts again), or if any seal is not for
     * exactly today's number of readers.
     */
    .post('/reseal', signedIn, confirmed, jsonBody(officerBodies.reseal, malformed), async (c) => {
      const body = c.req.valid('json');
      const { recipients, keyset } = await kit.recipients();
      if (body.keyset !== keyset) return refuse(c, 409, 'readers-changed');
      if (!body.items.every((item) => resealLooksRight(item, recipients.length))) return refuse(c, 400, 'malformed');
      const written = await deps.store.resealRequests(body.items, keyset, audit('keys:rewrap', c.var.officer.name));
      return c.json({ written });
    })

    /** The officers, for inviting and revoking: names and dates only. */
    .get('/officers', signedIn, async (c) =>
      c.json((await access.listOfficers()).map((o) => ({ ...o, self: o.id === c.var.officer.id }))),
    )

    .post(
      '/invitations',
      signedIn,
      confirmed,
      jsonBody(officerBodies.invite, (c) => refuse(c, 400, 'name')),
      async (c) => {
        const body = c.req.valid('json');
        const code = await createInvitation(access, body.name, c.var.officer.name, now());
        return c.json({ code }, 201);
      },
    )

    .post('/officers/:id/revoke', signedIn, confirmed, async (c) => {
      const target = await access.getOfficer(c.req.param('id'));
      if (!target) return refuse(c, 400, 'officer');
      const done = await access.revokeOfficer(
        target.id,
        now().toISOString(),
        audit('officer:revoke', c.var.officer.name, target.name),
      );
      if (done) return c.body(null, 204);
      // Already revoked, or the last active officer: after them, nobody could sign in again.
      return refuse(c, 409, (await access.getOfficer(target.id))?.revokedAt ? 'officer' : 'last-officer');
    });

  return app;
}
