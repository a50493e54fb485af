// The first-visit banner: three choices of equal weight. It overlays the page and never pushes content.
import { acceptAll, openPreferences, refuseAll } from '../core/consent.ts';
import type { Renewal } from '../core/renewal.ts';
import type { WidgetT } from '../i18n/index.ts';
import { h } from './h.ts';

export interface Links {
  policy?: string | undefined;
  /** Address comparing two policy versions, `{from}` and `{to}` filled in. */
  compare?: string | undefined;
}

/** Accept, refuse, and a third action of the same weight: customise (banner) or save (dialog). */
export const actions = (t: WidgetT, save?: string) =>
  h(
    'div',
    { class: 'cc-actions' },
    h('button', { type: 'button', onclick: acceptAll }, t('action.acceptAll')),
    h('button', { type: 'button', onclick: refuseAll }, t('action.refuseAll')),
    save ? h('button', { type: 'submit' }, save) : h('button', { type: 'button', onclick: openPreferences }, t('action.customise')),
  );

export interface BannerProps {
  t: WidgetT;
  /** Why the person is asked again, if they are. */
  renewal: Renewal | null;
  gpc: boolean;
  links: Links;
  maxAgeDays: number;
}

export function banner({ t, renewal, gpc, links, maxAgeDays }: BannerProps): HTMLElement {
  const compare = renewal?.reason === 'policy' && links.compare ? links.compare.replace('{from}', renewal.from).replace('{to}', renewal.to) : undefined;
  return h(
    'section',
    { class: 'cc-banner', 'aria-labelledby': 'cc-title' },
    h('p', { id: 'cc-title', class: 'cc-title' }, t('banner.title')),
    renewal &&
      h(
        'p',
        { class: 'cc-note', 'data-renewal': renewal.reason },
        renewal.reason === 'policy'
          ? t('banner.renew.policy', { from: renewal.from, to: renewal.to })
          : renewal.reason === 'revision'
            ? t('banner.renew.revision')
            : t('banner.renew.expired', { days: maxAgeDays }),
        compare && [' ', h('a', { href: compare }, t('banner.changes'))],
      ),
    h('p', null, t('banner.text'), links.policy && [' ', h('a', { href: links.policy }, t('banner.policy'))]),
    gpc && h('p', { class: 'cc-note' }, t('gpc.notice')),
    actions(t),
  );
}
