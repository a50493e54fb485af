// Bad input, case by case: each gets its status and leaves the store as it should.
import { describe, expect, it } from 'vitest';
import { PORTAL, setup, validRequest } from '../testing.ts';

type Case = {
  name: string;
  status: number;
  filed?: number;
  send: (s: Awaited<ReturnType<typeof setup>>) => Response | Promise<Response>;
};
const json =
  (body: unknown, headers: Record<string, string> = {}) =>
  (s: Awaited<ReturnType<typeof setup>>) =>
    s.post(body, headers);
const raw =
  (body: string, contentType: string | null, headers: Record<string, string> = {}) =>
  (s: Awaited<ReturnType<typeof setup>>) =>
    s.app.request(`${PORTAL}/api/requests`, {
      method: 'POST',
      headers: { ...(contentType ? { 'Content-Type': contentType } : {}), Origin: PORTAL, ...headers },
      body,
    });
const form = (fields: Record<string, string>) =>
  raw(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
const stringsOf = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
const without = (key: string) => Object.fromEntries(Object.entries(validRequest).filter(([k]) => k !== key));

const cases: Case[] = [
  { name: 'body over 32 KB', status: 413, send: json({ ...validRequest, details: 'x'.repeat(40_000) }) },
  { name: 'plain text body', status: 415, send: raw('hello', 'text/plain') },
  { name: 'multipart body', status: 415, send: raw('--x\r\n', 'multipart/form-data; boundary=x') },
  { name: 'XML body', status: 415, send: raw('<request/>', 'application/xml') },
  { name: 'no content type', status: 415, send: raw('{}', null) },
  { name: 'malformed JSON', status: 400, send: raw('{"name": "Ana",', 'application/json') },
  { name: 'JSON array', status: 400, send: raw('[1,2]', 'application/json') },
  { name: 'JSON string', status: 400, send: raw('"hello"', 'application/json') },
  { name: 'JSON null', status: 400, send: raw('null', 'application/json') },
  { name: 'empty JSON object', status: 400, send: json({}) },
  { name: 'empty body', status: 400, send: raw('', 'application/json') },
  { name: 'missing name', status: 400, send: json(without('name')) },
  { name: 'missing email', status: 400, send: json(without('email')) },
  { name: 'missing type', status: 400, send: json(without('type')) },
  { name: 'missing details', status: 400, send: json(without('details')) },
  { name: 'missing capacity (age statement)', status: 400, send: json(without('capacity')) },
  { name: 'acknowledgement not given', status: 400, send: json({ ...validRequest, acknowledged: false }) },
  { name: 'unknown request type', status: 400, send: json({ ...validRequest, type: 'everything' }) },
  { name: 'unknown language', status: 400, send: json({ ...validRequest, language: 'de' }) },
  { name: 'bad email: no @', status: 400, send: json({ ...validRequest, email: 'minh.example.org' }) },
  { name: 'bad email: spaces', status: 400, send: json({ ...validRequest, email: 'minh @example.org' }) },
  { name: 'bad email: no domain', status: 400, send: json({ ...validRequest, email: 'minh@' }) },
  { name: 'name as a number', status: 400, send: json({ ...validRequest, name: 42 }) },
  { name: 'name as an object', status: 400, send: json({ ...validRequest, name: { first: 'Ana' } }) },
  { name: 'details as an array', status: 400, send: json({ ...validRequest, details: ['a', 'b'] }) },
  { name: 'acknowledgement as a string', status: 400, send: json({ ...validRequest, acknowledged: 'yes' }) },
  { name: 'NUL in name', status: 400, send: json({ ...validRequest, name: 'Ana\u0000Bel' }) },
  {
    name: 'escape sequence in details',
    status: 400,
    send: json({ ...validRequest, details: 'Texte\u001b[31m rouge et assez long' }),
  },
  { name: 'right-to-left override in name', status: 400, send: json({ ...validRequest, name: 'Ana\u202Egpj.exe' }) },
  { name: '10,000-character name', status: 400, send: json({ ...validRequest, name: 'A'.repeat(10_000) }) },
  { name: '10,000-character details', status: 400, send: json({ ...validRequest, details: 'B'.repeat(10_000) }) },
  {
    name: '10,000-character email',
    status: 400,
    send: json({ ...validRequest, email: `${'c'.repeat(9_990)}@example.org` }),
  },
  { name: 'bad phone', status: 400, send: json({ ...validRequest, phone: 'call me maybe' }) },
  { name: 'access without reply format', status: 400, send: json(without('replyFormat')) },
  { name: 'CBSA records routed elsewhere', status: 400, send: json({ ...validRequest, holder: 'cbsa' }) },
  { name: 'honeypot filled', status: 400, send: json({ ...validRequest, website: 'http://spam.test' }) },
  { name: 'wrong origin', status: 403, send: json(validRequest, { Origin: 'https://evil.test' }) },
  {
    name: 'opaque origin from another site',
    status: 403,
    send: json(validRequest, { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' }),
  },
  { name: 'form missing fields', status: 400, send: form({ name: 'Ana' }) },
  {
    name: 'form with bad email',
    status: 400,
    send: form({
      ...Object.fromEntries(Object.entries(validRequest).map(([k, v]) => [k, String(v)])),
      acknowledged: 'on',
      email: 'x',
    }),
  },
  { name: 'malformed form encoding', status: 400, send: raw('name=%E0%A4%A&&&=', 'application/x-www-form-urlencoded') },
  {
    name: 'lone surrogate in name',
    status: 400,
    send: raw(JSON.stringify({ ...validRequest, name: 'Ana \ud800 Bel' }), 'application/json'),
  },
  {
    name: 'lone surrogate in details',
    status: 400,
    send: json({ ...validRequest, details: `Demande tronquée ${'\udc00'} au milieu.` }),
  },
  {
    name: 'name of zero-width characters only',
    status: 400,
    send: json({ ...validRequest, name: '\u200b\u200c\u200d\u2060' }),
  },
  { name: 'name of combining marks only', status: 400, send: json({ ...validRequest, name: '\u0301\u0301' }) },
  { name: 'line break in name', status: 400, send: json({ ...validRequest, name: 'Ana\nBel' }) },
  { name: 'phone with line breaks', status: 400, send: json({ ...validRequest, phone: '514 555\n0199' }) },
  { name: 'phone with a tab', status: 400, send: json({ ...validRequest, phone: '514\t555 0199' }) },
  {
    name: 'email with a line break (header injection)',
    status: 400,
    send: json({ ...validRequest, email: 'a@example.org\nBcc: b@example.org' }),
  },
  { name: 'email domain with a path', status: 400, send: json({ ...validRequest, email: 'a@example.org/x' }) },
  { name: 'email domain without a dot', status: 400, send: json({ ...validRequest, email: 'a@localhost' }) },
  {
    name: 'JSON in ISO-8859-1',
    status: 415,
    send: raw(JSON.stringify(validRequest), 'application/json; charset=iso-8859-1'),
  },
  {
    name: 'form in windows-1252',
    status: 415,
    send: raw(
      new URLSearchParams({ name: 'Zoë' }).toString(),
      'application/x-www-form-urlencoded; charset=windows-1252',
    ),
  },
  {
    name: 'JSON bytes that are not UTF-8',
    status: 400,
    send: (s) =>
      s.app.request(`${PORTAL}/api/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: PORTAL },
        body: new Uint8Array([
          ...new TextEncoder().encode(JSON.stringify({ ...validRequest, name: 'Zo' }).slice(0, -1)),
          0x2c,
          0x22,
          0x78,
          0x22,
          0x3a,
          0x22,
          0xeb,
          0x22,
          0x7d,
        ]),
      }),
  },
  {
    name: 'form escape that is not UTF-8',
    status: 400,
    send: raw(
      `${new URLSearchParams({ ...stringsOf(validRequest), acknowledged: 'on' })}&name=Zo%EB`,
      'application/x-www-form-urlencoded',
    ),
  },
  {
    name: 'form escape of a lone surrogate',
    status: 400,
    send: raw(
      `${new URLSearchParams({ ...stringsOf(validRequest), acknowledged: 'on' })}&x=%ED%A0%80`,
      'application/x-www-form-urlencoded',
    ),
  },
  {
    name: 'form field given twice',
    status: 400,
    send: raw(
      `${new URLSearchParams({ ...stringsOf(validRequest), acknowledged: 'on' })}&type=deletion`,
      'application/x-www-form-urlencoded',
    ),
  },
  {
    name: 'JSON with the type in capitals',
    status: 201,
    filed: 1,
    send: raw(JSON.stringify(validRequest), 'Application/JSON; Charset="UTF-8"'),
  },
  // Filed, and kept exactly as typed.
  {
    name: 'XSS-looking name',
    status: 201,
    filed: 1,
    send: json({ ...validRequest, name: '<script>alert(1)</script>' }),
  },
  {
    name: 'SQL-looking details',
    status: 201,
    filed: 1,
    send: json({ ...validRequest, details: "Robert'); DROP TABLE requests;-- et la suite" }),
  },
  { name: 'Arabic name', status: 201, filed: 1, send: json({ ...validRequest, name: 'فاطمة الزهراء' }) },
  { name: 'Chinese name', status: 201, filed: 1, send: json({ ...validRequest, name: '李小龍' }) },
  { name: 'Vietnamese name', status: 201, filed: 1, send: json({ ...validRequest, name: 'Trần Hưng Đạo' }) },
  { name: 'accented Latin name', status: 201, filed: 1, send: json({ ...validRequest, name: 'Zoë Lévesque-Côté' }) },
  {
    name: 'Persian name with a zero-width non-joiner',
    status: 201,
    filed: 1,
    send: json({ ...validRequest, name: 'مهسا\u200cامینی' }),
  },
  {
    name: 'internationalised email domain',
    status: 201,
    filed: 1,
    send: json({ ...validRequest, email: 'nom@université.ca' }),
  },
  {
    name: 'email with a non-Latin local part',
    status: 201,
    filed: 1,
    send: json({ ...validRequest, email: 'δοκιμή@παράδειγμα.δοκιμή' }),
  },
];

describe('bad-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(`${c.name} → ${c.status}`, async () => {
      const s = await setup();
      const response = await c.send(s);
      expect(response.status).toBe(c.status);
      expect(await s.store.listRequests()).toHaveLength(c.filed ?? 0);
      if (c.status === 400) {
        const body = await response.json();
        expect(['validation', 'malformed']).toContain(body.error);
        // Each refusal says, in the person's language, what went wrong.
        if (body.error !== 'validation') expect(body.message.length).toBeGreaterThan(10);
        if (body.error === 'validation')
          for (const field of Object.values(body.fields) as { code: string; message: string }[])
            expect(field.message.length).toBeGreaterThan(5);
      }
    });
  }

  it('keeps every name exactly as typed, in any script', async () => {
    const s = await setup();
    for (const name of ['فاطمة الزهراء', '李小龍', 'Trần Hưng Đạo', 'Zoë Lévesque-Côté', '<script>alert(1)</script>']) {
      const { reference } = await (
        await s.post({ ...validRequest, name, details: `Demande de ${name} (assez longue).` })
      ).json();
      const row = (await s.store.getRequest(reference))!;
      const { open } = await import('../../shared/crypto/sealed.ts');
      expect((await open<{ name: string }>(row.sealed, s.keys, reference)).name).toBe(name);
    }
  });
});
