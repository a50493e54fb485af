// The widget's root: renders the banner or the dialog from the core's stores, and nothing else.
// The dialog's code, styles and full declaration load the first time someone opens it.
import { Component, type ComponentType } from 'preact';
import { $draft, $gpc, $record, $renewal, $view } from '../core/consent.ts';
import type { Choices, ConsentRecord } from '../core/record.ts';
import type { Lang } from '../core/categories.ts';
import type { WidgetT } from '../i18n/index.ts';
import { Banner, type Links } from './Banner.tsx';

export type { Links };

export interface WidgetProps {
  t: WidgetT;
  lang: Lang;
  links: Links;
  maxAgeDays: number;
  /** Host name the receipts name. */
  site: string;
  /** Adds a stylesheet to the widget's shadow root. */
  addStyles: (css: string) => void;
}

export interface DialogProps {
  open: boolean;
  t: WidgetT;
  lang: Lang;
  draft: Choices;
  record: ConsentRecord | null;
  gpc: boolean;
  site: string;
}

const stores = [$view, $draft, $record, $renewal, $gpc];

export class Widget extends Component<WidgetProps, { Dialog?: ComponentType<DialogProps> }> {
  off: (() => void)[] = [];
  loading?: Promise<void>;

  override componentDidMount() {
    this.off = stores.map((s) => s.listen(() => this.forceUpdate()));
    this.off.push($view.subscribe((view) => view === 'preferences' && this.loadDialog()));
  }
  override componentWillUnmount() {
    for (const off of this.off) off();
  }

  loadDialog() {
    this.loading ??= import('./dialog.tsx').then((m) => {
      this.props.addStyles(m.css);
      this.setState({ Dialog: m.Preferences });
    });
  }

  override render({ t, lang, links, maxAgeDays, site }: WidgetProps, { Dialog }: { Dialog?: ComponentType<DialogProps> }) {
    const view = $view.get();
    return (
      <>
        {/* The banner stays under the modal dialog until a choice is made, so focus can return to it. */}
        {(view === 'banner' || (view === 'preferences' && !$record.get())) && <Banner t={t} renewal={$renewal.get()} gpc={$gpc.get()} links={links} maxAgeDays={maxAgeDays} />}
        {Dialog && <Dialog open={view === 'preferences'} t={t} lang={lang} draft={$draft.get()} record={$record.get()} gpc={$gpc.get()} site={site} />}
      </>
    );
  }
}
