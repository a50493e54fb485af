// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '../../shared/request-messages.ts';
import { RequestForm } from './RequestForm.tsx';
import { requestWords } from './words.ts';

function draw(loadProof: () => Promise<unknown> = async () => {}) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <RequestForm
        lang="fr"
        words={requestWords('fr')}
        messages={messages.fr}
        ptet={{ href: '/fr/avis-ptet/', label: 'Avis' }}
        cbsa={[]}
        action="/api/requests"
        loadProof={loadProof}
      />,
      root,
    );
  });
  return root;
}

const radio = (root: HTMLElement, name: string, value: string) =>
  root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;

describe('request form', () => {
  it('loads the proof of work when the person starts on the form, once, not with the page', () => {
    let loads = 0;
    const root = draw(async () => {
      loads++;
    });
    expect(loads).toBe(0);
    act(() => {
      root.querySelector('input')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    act(() => {
      root.querySelector('input')!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(loads).toBe(1);
  });

  it('leaves the answers to the person: a re-render never unchecks a choice', () => {
    const root = draw();
    const access = radio(root, 'type', 'access');
    act(() => {
      access.checked = true;
      access.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(access.checked).toBe(true);
    expect(radio(root, 'holder', 'citim').checked).toBe(true);
  });

  it('marks the reply format required once access is chosen, and lists errors in the order of the form', async () => {
    const root = draw();
    const label = root.querySelector('label[for="replyFormat"]')!;
    expect(label.textContent).not.toContain('*');
    act(() => {
      radio(root, 'type', 'access').checked = true;
      root.querySelector('form')!.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(label.textContent).toContain('*');
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    // The checks load with the first submission here (a person's first move loads them earlier).
    await vi.waitFor(() => {
      act(() => undefined);
      expect(root.querySelectorAll('#errors li').length).toBeGreaterThan(0);
    });
    const items = [...root.querySelectorAll('#errors li')].map((li) => li.textContent);
    expect(items[0]).toBe(messages.fr['name.required']);
    expect(items).toContain(messages.fr['replyFormat.required']);
    expect(items.indexOf(messages.fr['details.required']!)).toBeLessThan(
      items.indexOf(messages.fr['replyFormat.required']!),
    );
    expect(root.querySelector('#errors p')!.textContent).toBe(`Le formulaire contient ${items.length} erreurs :`);
    expect(root.querySelector('#name')!.getAttribute('aria-invalid')).toBe('true');
  });
});
