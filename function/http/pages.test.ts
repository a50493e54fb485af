import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { renderFormErrors, renderProblem, renderStatus } from './pages.ts';

const template =
  '<html><head><title>Suivi de votre demande · Portail</title></head>' +
  '<a href="/en/request/status/" hreflang="en" lang="en" aria-label="English" data-lang-switch>English</a>' +
  '<main><h1>Suivi</h1><div id="request-status" data-slot><p>Ouvrez le lien reçu.</p></div></main></html>';
const view = {
  reference: '2026-ABCD-EFGH',
  type: 'access',
  status: 'in-progress' as const,
  receivedAt: '2026-11-23T15:00:00.000Z',
  dueAt: '2026-12-23T15:00:00.000Z',
  statusChangedAt: '2026-11-25T15:00:00.000Z',
  overdue: false,
  arrival: 'filed' as const,
};

describe('status page', () => {
  it('fills the slot with the state, the due date and the recourse to the Commission', () => {
    const html = renderStatus(view, 'fr', template);
    expect(html).not.toContain('Ouvrez le lien reçu');
    expect(html).toContain('<dd>2026-ABCD-EFGH</dd>');
    expect(html).toContain('23 décembre 2026');
    expect(html).toContain('En traitement');
    expect(html).toContain('Votre demande a bien été reçue');
    expect(html).toContain('Commission d’accès à l’information');
    expect(html).not.toContain('data-overdue');
  });

  it('keeps the request’s address in the language switch, so switching never loses the request', () => {
    const html = renderStatus(view, 'fr', template, { ref: '2026-ABCD-EFGH', token: 'a&b"c-0123456789abcdef' });
    expect(html).toContain('<a href="/en/request/status/?ref=2026-ABCD-EFGH&amp;token=a%26b%22c-0123456789abcdef" ');
    expect(renderStatus(view, 'fr', template)).toContain('<a href="/en/request/status/" ');
  });

  it('explains what a missed deadline means', () => {
    const html = renderStatus({ ...view, overdue: true, arrival: 'visit' }, 'en', template);
    expect(html).toContain('no answer within that time counts as a refusal');
    expect(html).not.toContain('has been received');
  });

  it('says when a request sent again had already been filed, rather than that it was just received', () => {
    const html = renderStatus({ ...view, arrival: 'again' }, 'fr', template);
    expect(html).toContain('avait déjà été reçue');
    expect(html).not.toContain('a bien été reçue');
  });

  it('explains a problem with the way back to the form, escaped', () => {
    const html = renderProblem('Réessayez dans 7 min. <b>', 'en', template);
    expect(html).toContain('Réessayez dans 7 min. &lt;b&gt;');
    expect(html).toContain('href="/en/request/"');
    expect(html).not.toContain('Ouvrez le lien reçu');
  });

  it('lists the errors of a form sent without JavaScript, escaped', () => {
    const html = renderFormErrors({ email: 'email.invalid', holder: 'holder.cbsa' }, 'fr', template);
    expect(html).toContain('L’adresse courriel n’est pas valide');
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="/fr/demande/"');
  });

  it('titles the page of a form not filed as such, not as the follow-up of a request', () => {
    for (const html of [
      renderFormErrors({ email: 'email.invalid' }, 'fr', template),
      renderProblem('Trop de demandes.', 'fr', template, true),
    ]) {
      expect(html).toContain('<title>Votre demande n’a pas été envoyée · Portail</title>');
      expect(html).toContain('<h1>Votre demande n’a pas été envoyée</h1>');
    }
    // A status page opened too often is still the follow-up page.
    expect(renderProblem('Trop de consultations.', 'fr', template)).toContain('<h1>Suivi</h1>');
  });
});

describe('the pages the function fills in', () => {
  it('are valid HTML, whatever they hold', async () => {
    const page =
      '<!DOCTYPE html><html lang="fr-CA"><head><meta charset="utf-8"><title>Suivi de votre demande · CITIM</title>' +
      '</head><body><a href="/en/request/status/" hreflang="en" data-lang-switch>English</a><main><h1>Suivi</h1>' +
      '<div id="request-status" data-slot><p>Ouvrez le lien reçu.</p></div></main></body></html>';
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'void-style': 'off' } });
    for (const html of [
      renderStatus({ ...view, overdue: true }, 'fr', page, { ref: '2026-ABCD-EFGH', token: '<"&>'.repeat(6) }),
      ...(['pending', 'done', 'already', 'expired', 'unknown'] as const).map((state) =>
        renderStatus({ ...view, confirmation: { state, code: '"<x>'.repeat(6) } }, 'en', page, {
          ref: '2026-ABCD-EFGH',
          token: 't'.repeat(30),
        }),
      ),
      renderFormErrors({ email: 'email.invalid', name: 'name.required' }, 'en', page),
      renderProblem('Trop de demandes <b>.', 'fr', page, true),
    ]) {
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });
});
