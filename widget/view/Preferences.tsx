// The preferences dialog, loaded the first time someone opens it: a category switch each, with its services and
// cookies; save, accept or refuse all, and the person's receipt. A native modal: focus in, kept, given back, Escape.
import { useStore } from '@nanostores/preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { receiptFileName, receiptOf } from '../core/receipt.ts';
import type { ConsentRecord } from '../core/record.ts';
import type { Lang, LocalCategory, Optional } from '../declaration/index.ts';
import type { DialogT } from '../i18n/dialog.ts';
import { Actions } from './Actions.tsx';
import type { CoreApi } from './core.ts';
import css from './dialog.css?inline';
import { ServiceTable } from './ServiceTable.tsx';

export interface PreferencesProps {
  lang: Lang;
  /** How long a choice stands: the consent cookie's lifetime, shown in the declaration. */
  maxAgeDays: number;
  /** Host name the receipt names. */
  site: string;
  /** The banner's strings and the dialog's, in the widget's language. */
  t: DialogT;
  /** The declaration in the widget's language. */
  categories: LocalCategory[];
  /** The core's stores, read with @nanostores/preact, and its actions. */
  core: CoreApi;
  /** The person's copy of a decision, loaded with the dialog from the chunk that files it (embed/decided.ts). */
  receipts: { receiptOf: typeof receiptOf; receiptFileName: typeof receiptFileName };
}

/** The person's own copy of their decision, as a JSON file. */
function downloadReceipt(
  { receiptOf, receiptFileName }: PreferencesProps['receipts'],
  record: ConsentRecord,
  site: string,
  lang: Lang,
) {
  const receipt = receiptOf(record, { site, lang });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }));
  link.download = receiptFileName(receipt);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
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

let sheet: CSSStyleSheet | undefined;
/** The dialog's styles join the widget's shadow root the first time it opens (a constructed sheet: CSP-safe). */
function adoptStyles(root: ShadowRoot) {
  if (!('adoptedStyleSheets' in root)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

export function Preferences({ lang, site, maxAgeDays, t, categories, core, receipts }: PreferencesProps) {
  const { $draft, $draftServices, $gpc, $record, closePreferences, saveChoices, setChoice, setService } = core;
  const draft = useStore($draft);
  const draftServices = useStore($draftServices);
  const record = useStore($record);
  const gpc = useStore($gpc);
  const dialog = useRef<HTMLDialogElement>(null);

  // Before the first paint: styled, modal and focused at once.
  useLayoutEffect(() => {
    const element = dialog.current!;
    // The opener is in the widget's shadow root (the banner) or in the page (a footer link).
    const root = element.getRootNode() as ShadowRoot;
    adoptStyles(root);
    const opener = (root.activeElement ?? document.activeElement) as HTMLElement | null;
    element.showModal();
    element.querySelector('h2')?.focus();
    return () => {
      element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      class="cc-dialog"
      aria-labelledby="cc-dialog-title"
      onKeyDown={trap}
      // Escape: close through the store, so the view follows the state rather than the other way round.
      onCancel={(event) => {
        event.preventDefault();
        closePreferences();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          saveChoices();
        }}
      >
        <h2 id="cc-dialog-title" tabIndex={-1}>
          {t('dialog.title')}
        </h2>
        <p>{t('dialog.intro')}</p>
        {gpc && <p class="cc-note">{t('gpc.notice')}</p>}
        {record && (
          <p>
            {t('dialog.current', {
              date: new Date(record.updated).toLocaleDateString(`${lang}-CA`),
              policy: record.policy,
            })}
          </p>
        )}
        {categories.map((category) => {
          const required = category.id === 'necessary';
          const id = `cc-${category.id}`;
          return (
            <fieldset class="cc-category">
              <legend class="cc-vh">{category.title}</legend>
              <label class="cc-switch">
                <input
                  type="checkbox"
                  name={category.id}
                  checked={required || draft[category.id as Optional]}
                  disabled={required}
                  aria-describedby={`${id}-text`}
                  onChange={(event) => setChoice(category.id as Optional, event.currentTarget.checked)}
                />
                <span>{category.title}</span>
                {required && <span class="cc-muted"> ({t('dialog.alwaysOn')})</span>}
              </label>
              <p id={`${id}-text`}>{category.description}</p>
              <details>
                <summary>{t('dialog.services')}</summary>
                {/* Each service on its own, as other widgets allow: on with its category unless set apart. */}
                {!required &&
                  category.services.map((service) => (
                    <label class="cc-switch cc-service">
                      <input
                        type="checkbox"
                        name={`service:${service.id}`}
                        checked={draftServices[service.id] ?? draft[category.id as Optional]}
                        onChange={(event) => setService(service.id, event.currentTarget.checked)}
                      />
                      <span>{`${service.name} (${service.provider})`}</span>
                    </label>
                  ))}
                <ServiceTable category={category} t={t} consentDays={maxAgeDays} />
              </details>
            </fieldset>
          );
        })}
        <Actions t={t} core={core} save={t('action.save')} />
        {record && (
          <button type="button" class="cc-link" onClick={() => downloadReceipt(receipts, record, site, lang)}>
            {t('action.receipt')}
          </button>
        )}
        <button type="button" class="cc-close" onClick={closePreferences}>
          {t('action.close')}
        </button>
      </form>
    </dialog>
  );
}
