import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../shared/request.ts';
import { replies } from './replies.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('copy-ready replies', () => {
  it('exist for every state in both languages, with the same placeholders as French', () => {
    for (const status of STATUSES) {
      expect(replies.en[status], status).toBeTruthy();
      expect(placeholders(replies.en[status]), status).toEqual(placeholders(replies.fr[status]));
    }
  });
  it('name the recourse to the Commission when the request is closed with an answer', () => {
    expect(replies.fr.refused).toContain('Commission d’accès à l’information');
    expect(replies.en.completed).toContain('Commission d’accès à l’information');
  });
});
