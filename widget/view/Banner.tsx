// The first-visit banner: three choices of equal weight. It overlays the page and never pushes content.
import { acceptAll, openPreferences, refuseAll } from '../core/consent.ts';
import type { Renewal } from '../core/renewal.ts';
import type { WidgetT } from '../i18n/index.ts';

export interface Links {
  policy?: string | undefined;
  /** Address comparing two policy versions, `{from}` and `{to}` filled in. */
  compare?: string | undefined;
}

/** Accept, refuse, and a third action of the same weight: customise (banner) or save (dialog). */
export function Actions({ t, save }: { t: WidgetT; save?: string }) {
  return (
    <div class="cc-actions">
      <button type="button" onClick={acceptAll}>
        {t('action.acceptAll')}
      </button>
      <button type="button" onClick={refuseAll}>
        {t('action.refuseAll')}
      </button>
      {save ? (
        <button type="submit">{save}</button>
      ) : (
        <button type="button" onClick={openPreferences}>
          {t('action.customise')}
        </button>
      )}
    </div>
  );
}

export function Banner({ t, renewal, gpc, links, maxAgeDays }: { t: WidgetT; renewal: Renewal | null; gpc: boolean; links: Links; maxAgeDays: number }) {
  const compare = renewal?.reason === 'policy' && links.compare ? links.compare.replace('{from}', renewal.from).replace('{to}', renewal.to) : undefined;
  return (
    <section class="cc-banner" aria-labelledby="cc-title">
      <p id="cc-title" class="cc-title">
        {t('banner.title')}
      </p>
      {renewal && (
        <p class="cc-note" data-renewal={renewal.reason}>
          {renewal.reason === 'policy'
            ? t('banner.renew.policy', { from: renewal.from, to: renewal.to })
            : renewal.reason === 'revision'
              ? t('banner.renew.revision')
              : t('banner.renew.expired', { days: maxAgeDays })}{' '}
          {compare && <a href={compare}>{t('banner.changes')}</a>}
        </p>
      )}
      <p>
        {t('banner.text')} {links.policy && <a href={links.policy}>{t('banner.policy')}</a>}
      </p>
      {gpc && <p class="cc-note">{t('gpc.notice')}</p>}
      <Actions t={t} />
    </section>
  );
}
