// Binds the view to the core: draws the widget from the stores' values and again on each change, loads the dialog
// the first time it is opened, announces the banner, and keeps the page's end and focused elements above it. What
// touches the page beyond the widget's own shadow root (the page's bottom padding) is here, not in the view.
import { h, render } from 'preact';
import type { DialogWords } from '../i18n/dialog.ts';
import { translator, type WidgetKey } from '../i18n/translate.ts';
import type { CoreApi } from '../view/core.ts';
import type { Preferences, PreferencesProps } from '../view/Preferences.tsx';
import { bannerShown, Widget, type WidgetProps } from '../view/Root.tsx';

/** A language's dialog chunk (dialog-fr.ts, dialog-en.ts): the component, and its words in that language. */
export interface DialogChunk {
  Preferences: typeof Preferences;
  words: DialogWords;
}

/** What the drawing does not take from the stores. */
export interface Fixed {
  /** The banner's strings in the widget's language; the dialog's join them. */
  strings: Record<WidgetKey, string>;
  banner: Pick<WidgetProps, 'links' | 'maxAgeDays' | 'purposes' | 'partners'>;
  /** What the dialog is given beside its words and the core. */
  dialog: Pick<PreferencesProps, 'lang' | 'site' | 'maxAgeDays'>;
  /** The dialog with its words in the widget's language, loaded the first time it opens. */
  load: () => Promise<DialogChunk>;
  /** The person's copy of a decision (embed/decided.ts, a chunk of consent.js's that a decision loads too). */
  receipts: () => Promise<PreferencesProps['receipts']>;
}

/** Draws the widget into `shadow` until the returned function is called. */
export function drawWidget(shadow: ShadowRoot, core: CoreApi, fixed: Fixed): () => void {
  const { $view, $record, $renewal, $gpc } = core;
  const t = translator(fixed.strings);
  let dialog: WidgetProps['dialog'] = null;
  let loading = false;
  let announced = '';
  let shown = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // While the banner covers the bottom of the window, the page keeps focused elements above it (WCAG 2.2, 2.4.11)
  // and its end can be scrolled above it: its height is reserved at the bottom of the page. A ResizeObserver gives
  // the height without forcing a layout. One function for the banner's life, so Preact calls it on mount and unmount.
  const page = document.documentElement.style;
  const before = page.paddingBottom;
  let sizes: ResizeObserver | undefined;
  const frame = (element: HTMLElement | null) => {
    sizes?.disconnect();
    sizes = undefined;
    if (!element) {
      page.scrollPaddingBottom = '';
      page.paddingBottom = before;
      return;
    }
    sizes = new ResizeObserver(([entry]) => {
      page.scrollPaddingBottom = page.paddingBottom = `${entry?.borderBoxSize[0]?.blockSize ?? 0}px`;
    });
    sizes.observe(element);
  };

  const draw = () => {
    const view = $view.get();
    const record = $record.get();
    if (view === 'preferences' && !loading) {
      loading = true;
      Promise.all([fixed.load(), fixed.receipts()]).then(
        ([
          {
            Preferences,
            words: { strings, categories },
          },
          receipts,
        ]) => {
          const both = translator({ ...fixed.strings, ...strings });
          const props = { ...fixed.dialog, t: both, categories, core, receipts };
          dialog = { Dialog: Preferences, props };
          redraw();
        },
        () => {
          // Offline or blocked: back to where the person was (the banner, if no choice stands, still decides), so
          // that the next opening tries again rather than finding the dialog already "open".
          loading = false;
          console.warn('[consent] the preferences could not load');
          core.closePreferences();
        },
      );
    }
    // Said politely a moment after it is there, without taking focus from someone typing.
    if (bannerShown(view, record) !== shown) {
      shown = !shown;
      clearTimeout(timer);
      announced = '';
      if (shown)
        timer = setTimeout(() => {
          announced = t('banner.title');
          redraw();
        }, 250);
    }
    const state = { view, record, renewal: $renewal.get(), gpc: $gpc.get(), announced, dialog, frame };
    const props = { ...fixed.banner, ...state, t, core };
    render(h(Widget, props), shadow);
  };
  // An action sets several stores at once: one drawing after them all.
  let queued = false;
  const redraw = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      draw();
    });
  };
  const stops = [$view, $record, $renewal, $gpc].map(($store) => $store.listen(redraw));
  draw();
  return () => {
    for (const stop of stops) stop();
    clearTimeout(timer);
    render(null, shadow);
  };
}
