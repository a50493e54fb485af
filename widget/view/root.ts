// The widget's root: shows the banner and the preferences dialog as the core's stores say, and nothing else.
import { $draft, $gpc, $record, $renewal, $view } from '../core/consent.ts';
import type { Optional } from '../core/categories.ts';
import { banner, type Links } from './banner.ts';
import { type PreferencesProps, preferences } from './preferences.ts';

export type { Links };

export interface WidgetProps extends Pick<PreferencesProps, 't' | 'lang' | 'site'> {
  links: Links;
  maxAgeDays: number;
}

/** Draws the widget into `root` for as long as the page lives; returns a function that stops following the stores. */
export function renderWidget(root: ShadowRoot, props: WidgetProps): () => void {
  let shown: HTMLElement | undefined;
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLElement | null = null;

  // While the banner covers the bottom of the window, the page keeps focused elements above it (WCAG 2.2, 2.4.11).
  // A ResizeObserver gives its height without forcing a layout.
  const page = document.documentElement.style;
  const sizes = new ResizeObserver(([entry]) => {
    page.scrollPaddingBottom = `${entry?.borderBoxSize[0]?.blockSize ?? 0}px`;
  });

  const offView = $view.subscribe((view) => {
    // The banner stays under the modal dialog until a choice is made, so focus can return to it.
    const wantBanner = view === 'banner' || (view === 'preferences' && !$record.get());
    if (wantBanner && !shown) {
      shown = banner({ ...props, renewal: $renewal.get(), gpc: $gpc.get() });
      root.prepend(shown);
      sizes.observe(shown);
    }
    if (!wantBanner && shown) {
      sizes.disconnect();
      page.scrollPaddingBottom = '';
      shown.remove();
      shown = undefined;
    }
    if (view === 'preferences' && !dialog) {
      // The opener is in this shadow root (the banner) or in the page (a footer link).
      opener = (root.activeElement ?? document.activeElement) as HTMLElement | null;
      dialog = preferences({ ...props, draft: $draft.get(), record: $record.get(), gpc: $gpc.get() });
      root.append(dialog);
      dialog.showModal();
      dialog.querySelector('h2')?.focus();
    } else if (view !== 'preferences' && dialog) {
      dialog.close();
      dialog.remove();
      dialog = undefined;
      if (opener?.isConnected) opener.focus();
      opener = null;
    }
  });

  // The switches show the draft: opening the preferences again while they are open starts over from the decision.
  const offDraft = $draft.listen((draft) => {
    for (const input of dialog?.querySelectorAll<HTMLInputElement>('input[name]') ?? []) {
      if (input.name in draft) input.checked = draft[input.name as Optional];
    }
  });

  return () => {
    offView();
    offDraft();
    sizes.disconnect();
  };
}
