// schedule.json: the day this build was made for and the later days on which a document changes (a version published
// or taking effect). The Node entry rebuilds when one comes (function/node/rebuild.ts); a static host's page reads it to
// say it is out of date (src/scripts/stale.ts), until the daily workflow rebuilds it.
import type { APIRoute } from 'astro';
import { buildSchedule } from '../documents/collection.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildSchedule()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
