// The preferences dialog, loaded when first opened: a modal that takes focus, keeps it, gives it back, closes on Escape.
import { Component, createRef } from 'preact';
import { closePreferences, saveChoices, setChoice } from '../core/consent.ts';
import { receiptFileName, receiptOf } from '../core/receipt.ts';
import type { ConsentRecord } from '../core/record.ts';
import { declaration, type Lang, type Optional } from '../declaration.ts';
import { dialogT } from '../i18n/index.ts';
import { Actions } from './Banner.tsx';
import { ServiceTable } from './Declaration.tsx';
import dialogCss from './dialog.css?inline';
import type { DialogProps } from './Widget.tsx';

export const css = dialogCss;

/** The person's own copy of their decision, as a JSON file. */
function downloadReceipt(record: ConsentRecord, site: string, lang: Lang) {
  const receipt = receiptOf(record, { site, lang });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }));
  a.download = receiptFileName(receipt);
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

type Props = DialogProps;

const FOCUSABLE = 'button,input:not([disabled]),summary,a[href]';

export class Preferences extends Component<Props> {
  dialog = createRef<HTMLDialogElement>();
  title = createRef<HTMLHeadingElement>();
  opener: HTMLElement | null = null;

  override componentDidMount() {
    this.sync();
  }
  override componentDidUpdate() {
    this.sync();
  }

  sync() {
    const dialog = this.dialog.current;
    if (!dialog || dialog.open === this.props.open) return;
    if (this.props.open) {
      // The opener is inside our shadow root (the banner) or in the page (a footer link).
      const root = dialog.getRootNode() as ShadowRoot;
      this.opener = (root.activeElement ?? root.host?.ownerDocument.activeElement ?? null) as HTMLElement | null;
      dialog.showModal();
      this.title.current?.focus();
    } else {
      dialog.close();
      if (this.opener?.isConnected) this.opener.focus();
      this.opener = null;
    }
  }

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  trap = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const dialog = this.dialog.current!;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const active = (dialog.getRootNode() as ShadowRoot).activeElement;
    const first = items[0];
    const last = items.at(-1);
    if (event.shiftKey && (active === first || active === this.title.current)) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  override render({ t, lang, draft, record, gpc, site }: Props) {
    const d = dialogT(lang);
    return (
      <dialog
        ref={this.dialog}
        class="cc-dialog"
        aria-labelledby="cc-dialog-title"
        onKeyDown={this.trap}
        onCancel={(e) => {
          e.preventDefault();
          closePreferences();
        }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            saveChoices();
          }}
        >
          <h2 id="cc-dialog-title" ref={this.title} tabIndex={-1}>
            {d('dialog.title')}
          </h2>
          <p>{d('dialog.intro')}</p>
          {gpc && <p class="cc-note">{t('gpc.notice')}</p>}
          {record && <p>{d('dialog.current', { date: new Date(record.updated).toLocaleDateString(`${lang}-CA`), policy: record.policy })}</p>}
          {declaration.categories.map((category) => {
            const required = category.id === 'necessary';
            const id = `cc-${category.id}`;
            return (
              <fieldset class="cc-category" key={category.id}>
                <legend class="cc-vh">{category.title[lang]}</legend>
                <label class="cc-switch" for={id}>
                  <input
                    id={id}
                    type="checkbox"
                    name={category.id}
                    checked={required || draft[category.id as Optional]}
                    disabled={required}
                    aria-describedby={`${id}-text`}
                    onChange={(e) => setChoice(category.id as Optional, e.currentTarget.checked)}
                  />
                  <span>{category.title[lang]}</span>
                  {required && <span class="cc-muted"> ({d('dialog.alwaysOn')})</span>}
                </label>
                <p id={`${id}-text`}>{category.description[lang]}</p>
                <details>
                  <summary>{d('dialog.services')}</summary>
                  <ServiceTable category={category} lang={lang} t={d} />
                </details>
              </fieldset>
            );
          })}
          <Actions t={t} save={d('action.save')} />
          {record && (
            <button type="button" class="cc-link" onClick={() => downloadReceipt(record, site, lang)}>
              {d('action.receipt')}
            </button>
          )}
          <button type="button" class="cc-close" onClick={closePreferences}>
            {d('action.close')}
          </button>
        </form>
      </dialog>
    );
  }
}
