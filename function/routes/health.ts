// Health for monitors, on Node and Workers alike: /healthz (the process answers) and /readyz (it can do its work now:
// the database takes a write, its schema is this code's, a recovery key is set, the outbox delivers). Counts and ages
// only: no reference, address, version or path that would help anyone but the administrator.
import { Hono } from 'hono';
import type { Check, Env, Readiness, Toolkit } from '../http/http.ts';
import { SCHEMA } from '../store/contract.ts';
import { isRecipient } from '../../shared/crypto/sealed.ts';

/** One answer per this many ms at most: a monitor (or a flood) asking more often gets the last one again. */
const FRESH_MS = 2_000;

const minutesSince = (iso: string | null, now: Date) =>
  iso === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));

export function healthRoutes(kit: Toolkit, readiness: Readiness = {}) {
  const { deps } = kit;
  const writeWithinMs = readiness.writeWithinMs ?? 2_000;
  const pendingMinutes = readiness.pendingMinutes ?? 60;
  let last: { at: number; ready: boolean; checks: Record<string, Check> } | null = null;

  async function judge() {
    const now = deps.clock();
    const start = Date.now();
    const wrote = await Promise.race([
      deps.store.probeWrite(now.toISOString()).then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), writeWithinMs)),
    ]);
    const ms = Date.now() - start;
    const schema = await deps.store.schemaOf().catch(() => null);
    const ages = await deps.store.outboxAges().catch(() => null);
    const pending = minutesSince(ages?.oldestPendingAt ?? null, now);
    const sent = minutesSince(ages?.lastSentAt ?? null, now);
    const checks: Record<string, Check> = {
      database: { ok: wrote, ms },
      schema: { ok: schema === SCHEMA },
      key: { ok: !!deps.recoveryKey && isRecipient(deps.recoveryKey) },
      // Stuck: a message waits longer than the bound and nothing was delivered since it was written.
      outbox: {
        ok: ages !== null && (pending === null || pending <= pendingMinutes || (sent !== null && sent < pending)),
        oldestPendingMinutes: pending,
        lastSentHours: sent === null ? null : Math.floor(sent / 60),
        givenUp: ages?.failed ?? null,
      },
      ...(readiness.more ? await readiness.more() : {}),
    };
    return { at: now.getTime(), ready: Object.values(checks).every((check) => check.ok), checks };
  }

  return new Hono<Env>()
    .get('/healthz', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'alive' });
    })
    .get('/readyz', async (c) => {
      const at = deps.clock().getTime();
      if (!last || at - last.at >= FRESH_MS || at < last.at) last = await judge();
      c.header('Cache-Control', 'no-store');
      return c.json({ status: last.ready ? 'ready' : 'not-ready', checks: last.checks }, last.ready ? 200 : 503);
    });
}
