// Stand-in for an embed (video, social post) until its category is accepted: names the provider, offers to load it.
import type { WidgetT } from '../i18n/index.ts';
import { h } from './h.ts';

export interface PlaceholderProps {
  t: WidgetT;
  provider: string;
  /** The category's title in the widget's language. */
  category: string;
  onLoad: () => void;
  onAllow: () => void;
}

export const placeholder = ({ t, provider, category, onLoad, onAllow }: PlaceholderProps): HTMLElement =>
  h(
    'div',
    { class: 'cc-gate' },
    h('p', null, t('gate.text', { provider, category })),
    h(
      'div',
      { class: 'cc-actions' },
      h('button', { type: 'button', onclick: onLoad }, t('gate.load')),
      h('button', { type: 'button', onclick: onAllow }, t('gate.allow', { category })),
    ),
  );
