// The Node entry as `npm start` runs it, in a child process: proxies, start-up settings and keys, static files,
// headers, and a database locked by another process while the server keeps answering.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../node/precompress.ts';
import { identityFile, newIdentity } from '../../shared/crypto/sealed.ts';
import { startServer, validRequest } from '../testing.ts';

const root = mkdtempSync(join(tmpdir(), 'portal-server-'));
const dist = join(root, 'dist');
let n = 0;
const dataDir = () => join(root, `data-${n++}`);
const running: { stop(): void }[] = [];
afterAll(() => {
  for (const s of running) s.stop();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  // A built portal in miniature: the pages the server reads, a file to ask ranges of, a host's configuration file.
  const page = '<html><main><div id="request-status" data-slot><p>Ouvrez le lien.</p></div></main></html>';
  for (const dir of ['fr', 'en', 'fr/demande/suivi', 'en/request/status', 'widget'])
    mkdirSync(join(dist, dir), { recursive: true });
  for (const file of [
    'fr/index.html',
    'en/index.html',
    'fr/demande/suivi/index.html',
    'en/request/status/index.html',
    '404.html',
  ])
    writeFileSync(join(dist, file), page);
  writeFileSync(join(dist, 'widget/consent.js'), 'x'.repeat(1_000));
  writeFileSync(join(dist, '_headers'), '/*\n  X-Frame-Options: DENY\n');
  mkdirSync(join(dist, 'fr/politique'), { recursive: true });
  writeFileSync(
    join(dist, 'fr/politique/index.html'),
    `<html><main>${'<p>Politique de confidentialité.</p>'.repeat(200)}</main></html>`,
  );
  writeFileSync(
    join(dist, 'fr/politique/atom.xml'),
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${'<entry/>'.repeat(100)}</feed>`,
  );
  mkdirSync(join(dist, 'fr/recherche'), { recursive: true });
  writeFileSync(
    join(dist, 'fr/recherche/index.html'),
    '<html><header><a href="/en/search/" hreflang="en" data-lang-switch>English</a></header><main>Recherche' +
      '<noscript data-search-results data-one="1 résultat pour « {query} »" data-other="{count} résultats pour « {query} »"' +
      ' data-none="Aucun résultat pour « {query} »." data-superseded="version {version}, remplacée">' +
      '<p class="notice">La recherche demande JavaScript.</p></noscript>' +
      '<input id="search-query" name="q" type="search" value=""></main></html>',
  );
  writeFileSync(
    join(dist, 'search-index.json'),
    JSON.stringify([
      {
        lang: 'fr',
        document: 'fr/policy',
        title: 'Politique',
        url: '/fr/politique/',
        sections: [{ heading: '3. Témoins', anchor: 'section-3', text: 'Des témoins & de la "pub".' }],
      },
    ]),
  );
  writeFileSync(join(dist, 'en/404.html'), `<html lang="en"><main>Page not found${' here'.repeat(300)}</main></html>`);
  writeFileSync(join(dist, '404.html'), `<html lang="fr"><main>Page introuvable${' ici'.repeat(300)}</main></html>`);
  await precompress(dist);
  // What a careless deployment may leave in the build: links to files and folders outside it.
  writeFileSync(join(root, 'secret.txt'), 'outside the build');
  mkdirSync(join(root, 'private'));
  writeFileSync(join(root, 'private', 'index.html'), 'outside the build');
  symlinkSync(join(root, 'secret.txt'), join(dist, 'linked.txt'));
  symlinkSync(join(root, 'private'), join(dist, 'linked'));
});

const start = async (env: Record<string, string> = {}) => {
  const server = await startServer({ PORTAL_DIST: dist, PORTAL_DATA: dataDir(), PORTAL_ALTCHA: 'off', ...env });
  running.push(server);
  return server;
};
const file = (base: string, headers: Record<string, string> = {}, body = validRequest) =>
  fetch(`${base}/api/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base, ...headers },
    body: JSON.stringify(body),
  });

describe('behind a reverse proxy', () => {
  it('counts the address the proxy saw, not what the client wrote first in X-Forwarded-For', async () => {
    const { base } = await start({ TRUST_PROXY: '1', PORTAL_RATE_PER_WINDOW: '2' });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await file(
            base,
            { 'X-Forwarded-For': `10.9.${i}.1, 198.51.100.77` },
            { ...validRequest, details: `Demande ${i} derrière le mandataire.` },
          )
        ).status,
      );
    expect(statuses).toEqual([201, 201, 429, 429]);
    // Another client behind the same proxy is counted apart.
    expect((await file(base, { 'X-Forwarded-For': '198.51.100.78' })).status).toBe(201);
  });

  it('refuses a TRUST_PROXY that is not a number of proxies', async () => {
    const server = await start({ TRUST_PROXY: 'true' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/TRUST_PROXY must be the number of reverse proxies/);
  });
});

describe('starting up', () => {
  it('refuses to start in production without the origins allowed to post', async () => {
    const server = await start({
      NODE_ENV: 'production',
      RECOVERY_PUBLIC_KEY: (await newIdentity()).recipient,
      PORTAL_SECRET: 's'.repeat(40),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORTAL_ORIGINS is not set/);
  });

  it('in production, wants the recovery key configured, and says how to make it; a malformed one is named', async () => {
    const production = {
      NODE_ENV: 'production',
      PORTAL_SECRET: 's'.repeat(40),
      SMTP_URL: 'smtp://127.0.0.1:9',
      MAIL_FROM: 'Portail <portail@portal.test>',
      PORTAL_ORIGINS: 'http://127.0.0.1',
    };
    const refused = await start(production);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/RECOVERY_PUBLIC_KEY is not set: make the recovery key with `npm run officer/);
    const wrong = await start({ ...production, RECOVERY_PUBLIC_KEY: 'AGE-SECRET-KEY-1QQQ' });
    expect(await wrong.exited).toBe(1);
    expect(wrong.output()).toMatch(/RECOVERY_PUBLIC_KEY is not an age public key/);
  });

  it('in production, refuses to start without a mail server, since nobody would be told of a request', async () => {
    const server = await start({
      NODE_ENV: 'production',
      RECOVERY_PUBLIC_KEY: (await newIdentity()).recipient,
      PORTAL_SECRET: 's'.repeat(40),
      PORTAL_ORIGINS: 'https://portal.test',
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/SMTP_URL is not set/);
  });

  it('for a local trial, seals for the recovery key left in data/, and never overwrites it', async () => {
    const data = dataDir();
    mkdirSync(data);
    const made = await newIdentity();
    const text = identityFile(made, new Date());
    writeFileSync(join(data, 'recovery.key'), text);
    const server = await startServer({ PORTAL_DIST: dist, PORTAL_DATA: data, PORTAL_ALTCHA: 'off' });
    running.push(server);
    const filed = await file(server.base);
    expect(filed.status).toBe(201);
    expect(readFileSync(join(data, 'recovery.key'), 'utf8')).toBe(text);
  });

  it('stops with a clear message when the recovery key left alone cannot be read, touching nothing', async () => {
    const data = dataDir();
    mkdirSync(data);
    writeFileSync(join(data, 'recovery.key'), 'AGE-SECRET-KEY-truncated');
    const server = await startServer({ PORTAL_DIST: dist, PORTAL_DATA: data, PORTAL_ALTCHA: 'off' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/is not an age identity file; nothing was overwritten/);
    expect(readFileSync(join(data, 'recovery.key'), 'utf8')).toBe('AGE-SECRET-KEY-truncated');
  });

  it('names the database file and the cause when it cannot be opened', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, '');
    const server = await start({ PORTAL_DB: join(blocker, 'portal.db') });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Cannot open the database .*a-file\/portal\.db: .*\(ENOTDIR\)/);
  });

  it('says what is wrong with any malformed setting in one line, never a stack trace', async () => {
    const wrong: Record<string, string>[] = [
      { PORT: 'eighty' },
      { PORTAL_RATE_PER_WINDOW: '-3' },
      { ALTCHA_COST: 'lots' },
      { OUTBOX_EVERY_MS: '0' },
      { SMTP_TIMEOUT_MS: '1e9' },
      { SMTP_URL: 'mail.example.org:587' },
      { PORTAL_ORIGINS: 'portal.example.org' },
      { PORTAL_SITE_URL: 'javascript:alert(1)' },
      { RECOVERY_PUBLIC_KEY_FILE: join(root, 'no-such-file') },
      { TRUST_PROXY: 'yes' },
    ];
    const results = await Promise.all(
      wrong.map(async (env) => {
        const server = await start(env);
        return { env, code: await server.exited, output: server.output() };
      }),
    );
    for (const { env, code, output } of results) {
      const name = Object.keys(env)[0]!;
      expect(code, name).toBe(1);
      expect(output, name).toMatch(new RegExp(`^\\[privacy-portal\\] ${name} .+$`, 'm'));
      expect(output, name).not.toMatch(/^\s+at /m);
    }
  });

  it('says so in one line when its port is taken', async () => {
    const first = await start();
    const port = new URL(first.base).port;
    const second = await start({ PORT: port });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`^\\[privacy-portal\\] Port ${port} is already in use`, 'm'));
    expect(second.output()).not.toMatch(/^\s+at /m);
  });

  it('creates the database and its journal for the server’s user alone', async () => {
    const data = dataDir();
    const server = await startServer({ PORTAL_DIST: dist, PORTAL_DATA: data, PORTAL_ALTCHA: 'off' });
    running.push(server);
    await file(server.base);
    for (const name of ['portal.db', 'portal.db-wal', 'portal.db-shm', 'secret', 'recovery.key'])
      expect((statSync(join(data, name)).mode & 0o777).toString(8), name).toBe('600');
    expect((statSync(data).mode & 0o777).toString(8)).toBe('700');
  });
});

describe('serving files', () => {
  let base = '';
  beforeAll(async () => {
    base = (await start()).base;
  });

  it('answers a range past the end with 416, and a good range with 206', async () => {
    const past = await fetch(`${base}/widget/consent.js`, { headers: { Range: 'bytes=5000-6000' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('Content-Range')).toBe('bytes */1000');
    const good = await fetch(`${base}/widget/consent.js`, { headers: { Range: 'bytes=10-19' } });
    expect(good.status).toBe(206);
    expect((await good.text()).length).toBe(10);
  });

  it('answers other methods than GET and HEAD on files with 405, and unknown API paths with the API’s JSON 404', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetch(`${base}/fr/`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('Allow')).toBe('GET, HEAD');
    }
    const api = await fetch(`${base}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'no-route' });
  });

  it('sends the brotli or gzip copy the browser accepts, and what crosses the wire is that', async () => {
    const plain = readFileSync(join(dist, 'fr/politique/index.html'));
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const res = await fetch(`${base}/fr/politique/`, { headers: { 'Accept-Encoding': accept! } });
      expect(res.headers.get('Content-Encoding')).toBe(encoding);
      expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/);
      expect(Number(res.headers.get('Content-Length'))).toBeLessThan(plain.length / 5);
      expect(await res.text()).toBe(plain.toString());
    }
  });

  it('revalidates pages with an ETag (304), caches them no longer, and calls a feed a feed', async () => {
    const page = await fetch(`${base}/fr/politique/`, { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    const tag = page.headers.get('ETag');
    expect(tag).toMatch(/^W\/"/);
    const again = await fetch(`${base}/fr/politique/`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    const feed = await fetch(`${base}/fr/politique/atom.xml`);
    expect(feed.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
  });

  it('serves nothing outside the build, through a symbolic link or an encoded path', async () => {
    for (const path of ['/linked.txt', '/linked/', '/linked/index.html', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('outside the build');
    }
  });

  it('answers a very long address with 414, in words, at any length', async () => {
    for (const length of [10_000, 40_000, 200_000]) {
      const response = await fetch(`${base}/fr/?q=${'a'.repeat(length)}`);
      expect(response.status, String(length)).toBe(414);
      expect(await response.text()).toMatch(/Address too long/);
    }
    expect((await fetch(`${base}/fr/?q=${'a'.repeat(2_000)}`)).status).toBe(200);
  });

  it('closes one connection that pipelines thousands of requests and reads none of the answers', async () => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // Nothing read: the answers can only pile up on the server's side.
    socket.pause();
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    const one = 'GET /fr/politique/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    socket.write(one.repeat(5_000));
    await closed;
    // The server still answers everyone else.
    expect((await fetch(`${base}/fr/`)).status).toBe(200);
  });

  it('answers If-Modified-Since with 304 when nothing changed since, as it does If-None-Match', async () => {
    const first = await fetch(`${base}/fr/politique/atom.xml`);
    const modified = first.headers.get('Last-Modified')!;
    const again = await fetch(`${base}/fr/politique/atom.xml`, { headers: { 'If-Modified-Since': modified } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(first.headers.get('ETag'));
    const before = new Date(Date.parse(modified) - 60_000).toUTCString();
    expect((await fetch(`${base}/fr/politique/atom.xml`, { headers: { 'If-Modified-Since': before } })).status).toBe(
      200,
    );
    // An ETag sent with it decides alone.
    const both = { 'If-Modified-Since': modified, 'If-None-Match': 'W/"other"' };
    expect((await fetch(`${base}/fr/politique/atom.xml`, { headers: both })).status).toBe(200);
  });

  it('sends the pages it makes on request compressed, and an unknown address’s page in its language', async () => {
    for (const [path, words] of [
      ['/fr/nulle-part/', 'Page introuvable'],
      ['/en/nowhere/', 'Page not found'],
    ] as const) {
      const response = await fetch(`${base}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Encoding')).toBe('gzip');
      expect(await response.text()).toContain(words);
    }
  });

  it('searches without a script, in the page’s words, and keeps what was asked in the language switch', async () => {
    const page = await (await fetch(`${base}/fr/recherche/?q=${encodeURIComponent('témoins & "pub"')}`)).text();
    expect(page).toContain('href="/en/search/?q=t%C3%A9moins+%26+%22pub%22" hreflang="en" data-lang-switch');
    expect(page).toContain('<p role="status">1 résultat pour « témoins &amp; &quot;pub&quot; »</p>');
    expect(page).toContain('<a href="/fr/politique/#section-3">Politique — 3. Témoins</a>');
    expect(page).toContain('<mark>témoins</mark>');
    expect(page).toContain('value="témoins &amp; &quot;pub&quot;"');
    expect(page).not.toContain('La recherche demande JavaScript');
    const none = await (await fetch(`${base}/fr/recherche/?q=${encodeURIComponent('<script>')}`)).text();
    expect(none).toContain('Aucun résultat pour « &lt;script&gt; ».');
    expect(await (await fetch(`${base}/fr/recherche/`)).text()).toContain('href="/en/search/" hreflang');
  });

  it('never serves the static host’s _headers file', async () => {
    expect((await fetch(`${base}/_headers`)).status).toBe(404);
  });

  it('sends one frame policy and HSTS on pages, files and the API alike', async () => {
    for (const path of [
      '/fr/',
      '/widget/consent.js',
      '/api/nothing-here',
      '/fr/demande/suivi/?ref=2026-AAAA-AAAA&token=x',
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('X-Frame-Options'), path).toBe('DENY');
      expect(res.headers.get('Content-Security-Policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('Strict-Transport-Security'), path).toMatch(/max-age=\d+/);
    }
  });
});

describe('a database locked by another process', () => {
  it('keeps the server answering pages at once, and tells the filer 503 with Retry-After', async () => {
    const data = dataDir();
    const server = await startServer({ PORTAL_DIST: dist, PORTAL_DATA: data, PORTAL_ALTCHA: 'off' });
    running.push(server);
    // The lock is taken as a second tool takes it: waiting its turn, if the server is writing at that moment.
    const lock = new DatabaseSync(join(data, 'portal.db'), { timeout: 10_000 });
    lock.exec('BEGIN IMMEDIATE');
    const filing = file(server.base);
    const started = performance.now();
    expect((await fetch(`${server.base}/fr/`)).status).toBe(200);
    // A page while a filing waits three seconds for the lock: answered in the time a page takes, not the lock's.
    expect(performance.now() - started).toBeLessThan(2_000);
    const refused = await filing;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('5');
    lock.exec('ROLLBACK');
    expect((await file(server.base)).status).toBe(201);
    lock.close();
    expect(server.output()).toMatch(/"engine":"SQLITE_BUSY"/);
  });
});
