// The widget's root: the banner and the preferences dialog as the core's stores say, and nothing else. Drawn from
// props alone (embed/draw.ts passes the stores' values on each change), so the first visit's banner needs Preact's
// core but not preact/hooks; the dialog, loaded the first time someone opens it, reads the stores with hooks.
import type { ComponentType, Ref } from 'preact';
import type { View } from '../core/consent.ts';
import type { ConsentRecord } from '../core/record.ts';
import type { Renewal } from '../core/renewal.ts';
import type { WidgetT } from '../i18n/translate.ts';
import { Banner, type BannerProps, type Links } from './Banner.tsx';
import type { PreferencesProps } from './Preferences.tsx';

export type { Links };

export interface WidgetProps extends Pick<BannerProps, 'core' | 'links' | 'maxAgeDays' | 'purposes' | 'partners'> {
  t: WidgetT;
  /** The stores' values now. */
  view: View;
  record: ConsentRecord | null;
  renewal: Renewal | null;
  gpc: boolean;
  /** Said politely once the banner is there (a live region). */
  announced: string;
  /** The preferences dialog and what it is given, once its chunk and its words have loaded. */
  dialog: { Dialog: ComponentType<PreferencesProps>; props: PreferencesProps } | null;
  /** Called with the banner's element while it is shown, then with null. */
  frame?: Ref<HTMLElement> | undefined;
}

/** The banner stays under the modal dialog until a choice is made, so focus can return to it. */
export const bannerShown = (view: View, record: ConsentRecord | null) =>
  view === 'banner' || (view === 'preferences' && !record);

export function Widget({ t, view, record, renewal, gpc, announced, dialog, frame, ...banner }: WidgetProps) {
  return (
    <>
      <p class="cc-vh" role="status">
        {announced}
      </p>
      {bannerShown(view, record) && <Banner t={t} renewal={renewal} gpc={gpc} frame={frame} {...banner} />}
      {view === 'preferences' && dialog && <dialog.Dialog {...dialog.props} />}
    </>
  );
}
