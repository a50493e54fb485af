import { describe, expect, it } from 'vitest';
import { messages } from './request-messages.ts';
import { CAPACITIES, fromForm, validateRequest } from './request.ts';
import { validRequest } from './request-fixture.ts';

describe('request schema', () => {
  it('accepts a complete request and keeps names in any script intact', () => {
    for (const name of ['محمد عبد الله', '王小明', 'Nguyễn Thị Minh Khai', 'Zoë Lévesque-Côté']) {
      const result = validateRequest({ ...validRequest, name });
      expect(result.ok && result.request.name).toBe(name);
    }
  });

  it('reports each field with its own code', () => {
    const result = validateRequest({
      holder: 'citim',
      type: 'nope',
      name: ' ',
      email: 'not-an-email',
      details: 'short',
      language: 'fr',
      capacity: 'self-adult',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        type: 'type.required',
        name: 'name.required',
        email: 'email.invalid',
        relation: 'relation.required',
        details: 'details.short',
        acknowledged: 'acknowledged.required',
      },
    });
  });

  it('requires a reply format for access and portability only', () => {
    const { replyFormat: _, ...without } = validRequest;
    expect(validateRequest(without)).toEqual({ ok: false, errors: { replyFormat: 'replyFormat.required' } });
    expect(validateRequest({ ...without, type: 'deletion' }).ok).toBe(true);
  });

  it('routes requests about CBSA records elsewhere', () => {
    expect(validateRequest({ ...validRequest, holder: 'cbsa' })).toEqual({
      ok: false,
      errors: { holder: 'holder.cbsa' },
    });
  });

  it('refuses invisible control characters and oversize fields', () => {
    expect(validateRequest({ ...validRequest, name: 'Ana\u0000' }).ok).toBe(false);
    expect(validateRequest({ ...validRequest, name: 'Ana\u202Eevil' }).ok).toBe(false);
    expect(validateRequest({ ...validRequest, details: 'x'.repeat(10_000) })).toEqual({
      ok: false,
      errors: { details: 'details.long' },
    });
    expect(validateRequest({ ...validRequest, details: 'Ligne 1\nLigne 2\tfin.' }).ok).toBe(true);
  });

  it('reads form fields: "on" checkboxes and empty optional fields', () => {
    const form = { ...validRequest, acknowledged: 'on', phone: '', fileNumber: ' ' };
    const result = validateRequest(fromForm(form));
    expect(result.ok).toBe(true);
  });

  it('has a message in both languages for every code it can produce', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.fr).sort());
    const codes = [
      'holder.required',
      'holder.cbsa',
      'type.required',
      'name.required',
      'name.long',
      'name.control',
      'email.required',
      'email.invalid',
      'email.long',
      'phone.invalid',
      'phone.long',
      'fileNumber.invalid',
      'fileNumber.long',
      'relation.required',
      'details.required',
      'details.short',
      'details.long',
      'details.control',
      'language.required',
      'replyFormat.required',
      'replyFormat.invalid',
      'capacity.required',
      'acknowledged.required',
    ];
    for (const code of codes) expect(messages.fr[code], code).toBeTruthy();
  });
});

describe('the first list of errors', () => {
  it('already names a missing reply format when other fields fail too, so no second round trip is needed', () => {
    const result = validateRequest({ holder: 'citim', type: 'access' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject({ name: 'name.required', replyFormat: 'replyFormat.required' });
  });

  it('names CBSA records at once too, and reads nothing from a body that is not an object', () => {
    const result = validateRequest({ holder: 'cbsa' });
    if (!result.ok) expect(result.errors['holder']).toBe('holder.cbsa');
    expect(validateRequest('texte').ok).toBe(false);
    expect(validateRequest(null).ok).toBe(false);
  });

  it('accepts every capacity the Act admits (s. 30)', () => {
    for (const capacity of CAPACITIES) expect(validateRequest({ ...validRequest, capacity }).ok, capacity).toBe(true);
  });
});
