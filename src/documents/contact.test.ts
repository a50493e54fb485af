import { describe, expect, it } from 'vitest';
import { site } from '../site.config.ts';
import { contactLines } from './contact.ts';

describe('contact lines', () => {
  it('points to the request form while no e-mail address is configured', () => {
    const lines = contactLines('fr', { ...site.contact, email: undefined });
    expect(lines[1]).toBe('Par courriel\u00a0: utilisez le formulaire de demande de ce portail');
  });

  it('uses the configured address and the officer title in the reader’s language', () => {
    const lines = contactLines('en', { ...site.contact, email: 'privacy@example.org' });
    expect(lines[1]).toBe('By email: privacy@example.org');
    expect(lines[2]).toContain('c/o Person in charge of the protection of personal information');
    expect(lines.join('\n')).not.toMatch(
      /Responsable de la protection des renseignements personnels\s*,\s*Responsable/,
    );
  });
});
