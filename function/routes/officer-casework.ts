// The inbox's casework: the list of requests, one request (still sealed) and its status changes, exports, retention
// and purges, the audit log, the consent overview and the outbox. Every change goes through the officer's own
// functions (function/domain/officer.ts), the rules of the command line and the admin API.
import { Hono } from 'hono';
import type { Toolkit } from '../http/http.ts';
import { auditBy, type Guards, malformed, type OfficerEnv, refuse } from './officer-signin.ts';
import { jsonBody, queryOf } from './body.ts';
import { officerBodies } from './officer-bodies.ts';
import type { ListedRequest, StoredRequest } from '../store/contract.ts';
import { overviewFrom } from '../domain/consent-overview.ts';
import { lastScan } from '../domain/scans.ts';
import { csvLine } from '../../shared/csv.ts';
import type { AuditFilter } from '../store/contract.ts';
import { chainAudit, verifyAudit } from '../domain/audit-chain.ts';
import {
  applyStatus,
  DEFAULT_RETENTION_YEARS,
  OfficerError,
  purge,
  retentionCutoff,
  TRANSITIONS,
} from '../domain/officer.ts';
import { isSealed } from '../../shared/crypto/sealed.ts';

/** The journal's filters as the store takes them: days as instants, `to` through its end. */
function auditFilter(q: {
  reference: string;
  action: string;
  operator: string;
  from: string;
  to: string;
}): AuditFilter {
  const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
  return {
    reference: q.reference || undefined,
    action: q.action || undefined,
    operator: q.operator || undefined,
    from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
    to: q.to ? dayAfter(q.to) : undefined,
  };
}

export function caseworkRoutes(kit: Toolkit, { signedIn, confirmed }: Guards) {
  const { deps } = kit;
  const now = () => deps.clock();
  const audit = auditBy(deps.clock);

  /** The list needs no personal field: those stay sealed until the officer opens one request. */
  const listed = (r: StoredRequest): ListedRequest => ({
    reference: r.reference,
    type: r.type,
    status: r.status,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    statusChangedAt: r.statusChangedAt,
    closedAt: r.closedAt,
    keyset: r.keyset,
  });
  const app = new Hono<OfficerEnv>()
    /** One page of the list, by due date, filtered by status (`open` by default) and type. */
    .get('/requests', signedIn, queryOf(officerBodies.listQuery, malformed), async (c) => {
      const { status, type, after, size } = c.req.valid('query');
      const [dueAt, reference] = after.split('_');
      const key = after ? { dueAt: dueAt!, reference: reference! } : null;
      const { total, rows } = await deps.store.pageRequests({ status, type }, key, size);
      const last = rows.at(-1);
      // The key of the next page, while there may be one.
      const next = rows.length === size && last ? `${last.dueAt}_${last.reference}` : null;
      return c.json({ total, size, rows, next });
    })

    /** One request, still sealed, with its history (notes sealed too) and where it may go next. */
    .get('/requests/:reference', signedIn, async (c) => {
      const request = await deps.store.getRequest(c.req.param('reference'));
      if (!request) return refuse(c, 404, 'not-found');
      return c.json({
        ...listed(request),
        sealed: request.sealed,
        keyset: request.keyset,
        /** The notes its history names, sealed like the request. */
        notes: (await deps.store.listNotes(request.reference)).map(({ id, sealed }) => ({ id, sealed })),
        /** One piece of identity verification (never a condition for the request to count). */
        emailConfirmedAt: await deps.store.emailConfirmedAt(request.reference),
        next: TRANSITIONS[request.status],
        history: await deps.store.listAudit(request.reference),
      });
    })

    .post('/requests/:reference/status', signedIn, jsonBody(officerBodies.status, malformed), async (c) => {
      const body = c.req.valid('json');
      const readers = (await kit.recipients()).recipients.length;
      if (body.note !== null && !isSealed(body.note.sealed, readers)) return refuse(c, 400, 'malformed');
      try {
        return c.json(
          await applyStatus(deps.store, {
            reference: c.req.param('reference'),
            status: body.status,
            from: body.from,
            note: body.note,
            operator: c.var.officer.name,
            now: now(),
            notify: body.notify,
            mail: deps.mail,
          }).then((done) => {
            if (body.notify && deps.mail) deps.onQueued?.(c);
            return { ...done, notified: !!(body.notify && deps.mail) };
          }),
        );
      } catch (error) {
        if (error instanceof OfficerError) return refuse(c, error.kind === 'not-found' ? 404 : 409, error.kind);
        throw error;
      }
    })

    /** The export itself is made in the browser from the decrypted request; the server records that it was made. */
    .post(
      '/requests/:reference/exported',
      signedIn,
      confirmed,
      jsonBody(officerBodies.exported, malformed),
      async (c) => {
        const body = c.req.valid('json');
        const reference = c.req.param('reference');
        if (!(await deps.store.getRequest(reference))) return refuse(c, 400, 'malformed');
        await deps.store.appendAudit({
          at: now().toISOString(),
          reference,
          action: `export:${body.format}`,
          operator: c.var.officer.name,
          detail: null,
        });
        return c.body(null, 204);
      },
    )

    /** A page of the journal, newest first, filtered in the store; `next` starts the older page. */
    .get('/audit', signedIn, queryOf(officerBodies.auditQuery, malformed), async (c) => {
      const { before, size, ...asked } = c.req.valid('query');
      const rows = await deps.store.pageAudit(auditFilter(asked), before, size);
      return c.json({
        rows: rows.map(({ id, at, reference, action, operator }) => ({ id, at, reference, action, operator })),
        next: rows.length === size ? rows.at(-1)!.id : null,
      });
    })
    /**
     * The journal as CSV, newest first, as the filters give it: streamed a thousand entries at a time, however long
     * the log; a cell a spreadsheet would take for a formula is neutralised (shared/csv.ts). Notes stay out: sealed.
     */
    .get('/audit.csv', signedIn, queryOf(officerBodies.auditQuery, malformed), async (c) => {
      const { before, ...asked } = c.req.valid('query');
      const filter = auditFilter(asked);
      let next = before;
      let done = false;
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(encoder.encode(csvLine(['at', 'reference', 'action', 'operator']))),
        pull: async (controller) => {
          if (done) return controller.close();
          // A turn of the event loop between pages: the other answers go out meanwhile (node:sqlite reads block).
          await new Promise((resolve) => setTimeout(resolve, 0));
          const rows = await deps.store.pageAudit(filter, next, 1_000);
          controller.enqueue(
            encoder.encode(rows.map((e) => csvLine([e.at, e.reference, e.action, e.operator])).join('')),
          );
          done = rows.length < 1_000;
          next = rows.at(-1)?.id ?? next;
        },
      });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="audit.csv"');
      return c.body(body);
    })
    /** The log's hash chain checked from its first entry: where it holds to (its head), or where it breaks. */
    .get('/audit/verify', signedIn, async (c) => {
      await chainAudit(deps.store);
      return c.json(await verifyAudit(deps.store));
    })

    /** Requests closed long enough to be deleted (policy §10): deleted only when the officer confirms them by name. */
    .get('/retention', signedIn, async (c) => {
      const years = deps.retentionYears ?? DEFAULT_RETENTION_YEARS;
      // Closed before the period's start, oldest first, read from the store's index: never the whole list.
      const eligible = await deps.store.closedBefore(retentionCutoff(now(), years), 500);
      return c.json({ years, eligible });
    })
    .post('/purge', signedIn, confirmed, jsonBody(officerBodies.purge, malformed), async (c) => {
      const body = c.req.valid('json');
      try {
        const deleted = await purge(deps.store, {
          now: now(),
          retentionYears: deps.retentionYears ?? DEFAULT_RETENTION_YEARS,
          operator: c.var.officer.name,
          references: body.references,
        });
        return c.json({ deleted });
      } catch (error) {
        if (error instanceof OfficerError) return refuse(c, 409, 'retention');
        throw error;
      }
    })

    /** Decisions per week and categories accepted: counts only. */
    .get('/consents', signedIn, async (c) => c.json(overviewFrom(await deps.store.consentWeeks())))

    /** The last cookie scan's summary (breaches first), or null before any was recorded. */
    .get('/scan', signedIn, async (c) => c.json({ last: await lastScan(deps.store) }))

    /** Messages not delivered yet, or given up: what, about which request, how many tries, why (never an address). */
    .get('/outbox', signedIn, async (c) => c.json(await deps.store.listUndelivered()))

    .post('/outbox/:id/retry', signedIn, async (c) => {
      const id = c.req.param('id');
      const at = now().toISOString();
      const done = await deps.store.retryMessage(id, at, audit('mail:retry', c.var.officer.name, id));
      if (done) deps.onQueued?.(c);
      return done ? c.body(null, 204) : refuse(c, 409, 'not-failed');
    });

  return app;
}
