import autocannon from 'autocannon';
const base = 'http://127.0.0.1:4397';
for (let i = 0; i < 100; i++) { try { await fetch(`${base}/api/requests/x/status`); break; } catch { await new Promise(r => setTimeout(r, 100)); } }
let n = 0;
const body = (n: number) => { const now = new Date().toISOString(); return JSON.stringify({ type: 'consent-receipt', version: 1, id: `bench${String(n).padStart(7, '0')}`, decidedAt: now, firstDecidedAt: now, site: 'www.citim.test', lang: 'fr', policyVersion: '1.1', declarationRevision: 1, method: 'custom', gpc: false, choices: { necessary: true, preferences: n % 2 === 1, statistics: true, advertising: false, social: false } }); };
const r = await autocannon({ url: `${base}${process.argv[2]}`, connections: 16, duration: 6, requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', origin: base }, body: body(n++) }) }] });
console.log(process.argv[2], Math.round(r.requests.average), 'req/s', 'non2xx', r.non2xx);
