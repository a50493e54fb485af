// Node entry: serves the built portal (dist/) on one port; `npm start` runs it. The only file here that knows Node.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { hardening, languageRedirect } from './site.ts';

const root = resolve(process.env['PORTAL_DIST'] ?? 'dist');
const port = Number(process.env['PORT'] ?? 4321);
const hostname = process.env['HOST'] ?? '127.0.0.1';

const app = new Hono();
app.use('*', hardening);
app.use('*', languageRedirect);
app.use('*', serveStatic({ root }));
app.notFound(async (c) => c.html(await readFile(resolve(root, '404.html'), 'utf8').catch(() => 'Not found'), 404));

serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Privacy portal on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/ (serving ${root})`);
});
