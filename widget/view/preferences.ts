// The preferences dialog: a category switch each, with its services and cookies; save, accept or refuse all, and the
// person's receipt. ./root.ts opens it as a modal, which keeps focus in, gives it back and closes on Escape.
import { closePreferences, saveChoices, setChoice } from '../core/consent.ts';
import { receiptFileName, receiptOf } from '../core/receipt.ts';
import type { Choices, ConsentRecord } from '../core/record.ts';
import { declaration, type Lang, type Optional } from '../declaration.ts';
import type { WidgetT } from '../i18n/index.ts';
import { actions } from './banner.ts';
import { h } from './h.ts';
import { serviceTable } from './service-table.ts';

export interface PreferencesProps {
  t: WidgetT;
  lang: Lang;
  /** The choices the switches start from. */
  draft: Choices;
  /** The decision in force, for its date and receipt. */
  record: ConsentRecord | null;
  gpc: boolean;
  /** Host name the receipt names. */
  site: string;
}

/** The person's own copy of their decision, as a JSON file. */
function downloadReceipt(record: ConsentRecord, site: string, lang: Lang) {
  const receipt = receiptOf(record, { site, lang });
  const href = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }));
  h('a', { href, download: receiptFileName(receipt) }).click();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

const FOCUSABLE = 'button,input:not([disabled]),summary,a[href]';

/** Tab from the last control goes to the first, Shift+Tab from the first (or the title) to the last. */
function trap(event: KeyboardEvent) {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  const first = items[0];
  const last = items.at(-1);
  let target: HTMLElement | undefined;
  if (event.shiftKey && (active === first || active?.localName === 'h2')) target = last;
  else if (!event.shiftKey && active === last) target = first;
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

export function preferences({ t, lang, draft, record, gpc, site }: PreferencesProps): HTMLDialogElement {
  return h(
    'dialog',
    {
      class: 'cc-dialog',
      'aria-labelledby': 'cc-dialog-title',
      onkeydown: trap,
      // Escape: close through the store, so the view follows the state rather than the other way round.
      oncancel: (event: Event) => {
        event.preventDefault();
        closePreferences();
      },
    },
    h(
      'form',
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          saveChoices();
        },
      },
      h('h2', { id: 'cc-dialog-title', tabindex: -1 }, t('dialog.title')),
      h('p', null, t('dialog.intro')),
      gpc && h('p', { class: 'cc-note' }, t('gpc.notice')),
      record && h('p', null, t('dialog.current', { date: new Date(record.updated).toLocaleDateString(`${lang}-CA`), policy: record.policy })),
      declaration.categories.map((category) => {
        const required = category.id === 'necessary';
        const id = `cc-${category.id}`;
        return h(
          'fieldset',
          { class: 'cc-category' },
          h('legend', { class: 'cc-vh' }, category.title[lang]),
          h(
            'label',
            { class: 'cc-switch' },
            h('input', {
              type: 'checkbox',
              name: category.id,
              checked: required || draft[category.id as Optional],
              disabled: required,
              'aria-describedby': `${id}-text`,
              onchange: (event: Event) => setChoice(category.id as Optional, (event.currentTarget as HTMLInputElement).checked),
            }),
            h('span', null, category.title[lang]),
            required && h('span', { class: 'cc-muted' }, ` (${t('dialog.alwaysOn')})`),
          ),
          h('p', { id: `${id}-text` }, category.description[lang]),
          h('details', null, h('summary', null, t('dialog.services')), serviceTable(h, category, lang, t)),
        );
      }),
      actions(t, t('action.save')),
      record && h('button', { type: 'button', class: 'cc-link', onclick: () => downloadReceipt(record, site, lang) }, t('action.receipt')),
      h('button', { type: 'button', class: 'cc-close', onclick: closePreferences }, t('action.close')),
    ),
  ) as HTMLDialogElement;
}
