// Browser side of the compare page: fetches two versions' blocks and renders their comparison with the shared diff.
import { fill } from '../../shared/fill.ts';
import { diffBlocks, diffStats } from '../documents/diff.ts';
import type { Block } from '../documents/blocks.ts';
import { escapeHtml } from '../../shared/escape-html.ts';
import { changedSections, renderDiff, type DiffLabels } from '../documents/render-diff.ts';

const form = document.querySelector<HTMLFormElement>('form[data-compare]');
const output = document.querySelector<HTMLElement>('#compare-result');

async function blocks(template: string, version: string): Promise<Block[]> {
  const response = await fetch(template.replace('{version}', encodeURIComponent(version)));
  if (!response.ok) throw new Error(`${response.status}`);
  return (await response.json()) as Block[];
}

async function compare(from: string, to: string, focus: boolean) {
  if (!form || !output) return;
  const labels = JSON.parse(form.dataset['labels'] ?? '{}') as DiffLabels;
  const m = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, string>;
  const template = form.dataset['blocks'] ?? '';
  output.setAttribute('aria-busy', 'true');
  output.innerHTML = `<p>${escapeHtml(m['loading'] ?? '')}</p>`;
  try {
    if (from === to) {
      output.innerHTML = `<p>${escapeHtml(m['same'] ?? '')}</p>`;
      return;
    }
    const [before, after] = await Promise.all([blocks(template, from), blocks(template, to)]);
    const diff = diffBlocks(before, after);
    const stats = diffStats(diff);
    const sections = changedSections(diff);
    const title = fill(m['pairTitle'] ?? '', { from, to });
    output.innerHTML = [
      `<h2 id="compare-title" tabindex="-1">${escapeHtml(title)}</h2>`,
      `<p>${escapeHtml(stats.changes ? fill(m['stats'] ?? '', { changes: stats.changes, ins: stats.insertedWords, del: stats.deletedWords }) : (m['none'] ?? ''))}</p>`,
      `<p>${escapeHtml(m['legend'] ?? '')}</p>`,
      sections.length
        ? `<ul class="doc-links">${sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('')}</ul>`
        : '',
      `<div class="diff prose">${renderDiff(diff, labels)}</div>`,
    ].join('\n');
    if (focus) output.querySelector<HTMLElement>('#compare-title')?.focus();
  } catch {
    output.innerHTML = `<p role="alert">${escapeHtml(m['error'] ?? '')}</p>`;
  } finally {
    output.removeAttribute('aria-busy');
  }
}

if (form && output) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const from = String(data.get('from'));
    const to = String(data.get('to'));
    history.replaceState(null, '', `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    void compare(from, to, true);
  });
  const query = new URLSearchParams(location.search);
  const from = query.get('from');
  const to = query.get('to');
  if (from && to) {
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const select = form.elements.namedItem(name);
      if (select instanceof HTMLSelectElement) select.value = value;
    }
    void compare(from, to, false);
  }
}
