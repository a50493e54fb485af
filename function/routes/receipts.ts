// Consent receipts from the widget: POST /api/consent-receipts, filed only when they match the shared schema exactly.
import { Hono } from 'hono';
import { plausiblyDated, receiptSchema } from '../../shared/consent-receipt.ts';
import type { Env, Toolkit } from '../http/http.ts';

export function receiptRoutes(kit: Toolkit) {
  const { deps, limits, problem } = kit;
  const app = new Hono<Env>();

  app.post('/', kit.limitBody, async (c) => {
    // The limits first: a flood refused costs no reading of its bodies, and leaves the thread to filings.
    const taken = await kit.take(c, 'receipt', limits.receiptsPerWindow);
    if ('retryAfter' in taken) return problem(c, 'rate-limited', taken);
    // And for everyone together: many networks at once cannot flood the database either.
    const all = await kit.take(c, 'receipt', limits.receiptsAllPerWindow, 'all');
    if ('retryAfter' in all) {
      await taken.release();
      return problem(c, 'rate-limited', all);
    }
    // A body that is no receipt still counts against its network (the widget never sends one: a flood of junk is
    // refused as cheaply as a flood of receipts), but not against everyone's room, which junk must not use up.
    const read = await kit.readBody(c, ['json']);
    if (read instanceof Response) {
      await all.release();
      return read;
    }
    const parsed = receiptSchema.safeParse(read.body);
    if (!parsed.success || !plausiblyDated(parsed.data, deps.clock())) {
      await all.release();
      return problem(c, 'receipt.invalid');
    }
    // What the schema gave back, not what was sent: exact keys, in a fixed order.
    await deps.store.addConsentReceipt(JSON.stringify(parsed.data), deps.clock().toISOString());
    return c.body(null, 201);
  });

  return app;
}
