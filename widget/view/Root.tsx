// The widget's root: the banner and the preferences dialog as the core's stores say, and nothing else. The dialog's
// code and the full declaration load the first time someone opens it.
import { useStore } from '@nanostores/preact';
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetT } from '../i18n/translate.ts';
import { Banner, type BannerProps, type Links } from './Banner.tsx';
import { useCore } from './core.ts';
import type { PreferencesProps } from './Preferences.tsx';

export type { Links };

export interface WidgetProps extends PreferencesProps, Pick<BannerProps, 'purposes' | 'partners'> {
  t: WidgetT;
  links: Links;
}

export function Widget({ t, links, purposes, partners, ...props }: WidgetProps) {
  const { $gpc, $record, $renewal, $view } = useCore();
  const view = useStore($view);
  const record = useStore($record);
  const renewal = useStore($renewal);
  const gpc = useStore($gpc);
  const [Dialog, setDialog] = useState<ComponentType<PreferencesProps> | null>(null);
  const banner = useRef<HTMLElement>(null);
  const [announced, announce] = useState('');

  useEffect(() => {
    if (view === 'preferences' && !Dialog) void import('./Preferences.tsx').then((m) => setDialog(() => m.Preferences));
  }, [view, Dialog]);

  // The banner stays under the modal dialog until a choice is made, so focus can return to it.
  const showBanner = view === 'banner' || (view === 'preferences' && !record);

  // While the banner covers the bottom of the window, the page keeps focused elements above it (WCAG 2.2, 2.4.11)
  // and its end can be scrolled above it: its height is reserved at the bottom of the page. A ResizeObserver gives
  // the height without forcing a layout.
  useEffect(() => {
    const element = banner.current;
    if (!showBanner || !element) return;
    const page = document.documentElement.style;
    const before = page.paddingBottom;
    const sizes = new ResizeObserver(([entry]) => {
      page.scrollPaddingBottom = page.paddingBottom = `${entry?.borderBoxSize[0]?.blockSize ?? 0}px`;
    });
    sizes.observe(element);
    // Said politely once it is there, without taking focus from someone typing.
    const timer = setTimeout(() => announce(t('banner.title')), 250);
    return () => {
      clearTimeout(timer);
      announce('');
      sizes.disconnect();
      page.scrollPaddingBottom = '';
      page.paddingBottom = before;
    };
  }, [showBanner]);

  return (
    <>
      <p class="cc-vh" role="status">
        {announced}
      </p>
      {showBanner && (
        <Banner
          t={t}
          renewal={renewal}
          gpc={gpc}
          links={links}
          maxAgeDays={props.maxAgeDays}
          purposes={purposes}
          partners={partners}
          frame={banner}
        />
      )}
      {view === 'preferences' && Dialog && <Dialog {...props} />}
    </>
  );
}
