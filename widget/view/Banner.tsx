// The first-visit banner: three choices of equal weight. It overlays the page and never pushes content.
import type { Ref } from 'preact';
import type { Renewal } from '../core/renewal.ts';
import type { WidgetT } from '../i18n/translate.ts';
import { Actions, type ActionsProps } from './Actions.tsx';

export interface Links {
  policy?: string | undefined;
  /** Address comparing two policy versions, `{from}` and `{to}` filled in. */
  compare?: string | undefined;
}

export interface BannerProps {
  t: WidgetT;
  core: ActionsProps['core'];
  /** Why the person is asked again, if they are. */
  renewal: Renewal | null;
  gpc: boolean;
  links: Links;
  maxAgeDays: number;
  /** The optional categories' titles, and the providers other than the organisation: named before any choice. */
  purposes: string[];
  partners: string[];
  /** The banner's element, for whoever needs its size. */
  frame?: Ref<HTMLElement> | undefined;
}

export function Banner({ t, core, renewal, gpc, links, maxAgeDays, purposes, partners, frame }: BannerProps) {
  const compare =
    renewal?.reason === 'policy' && links.compare
      ? links.compare.replace('{from}', renewal.from).replace('{to}', renewal.to)
      : undefined;
  return (
    <section ref={frame ?? null} class="cc-banner" aria-labelledby="cc-title">
      <p id="cc-title" class="cc-title">
        {t('banner.title')}
      </p>
      {renewal && (
        <p class="cc-note" data-renewal={renewal.reason}>
          {renewal.reason === 'policy'
            ? t('banner.renew.policy', { from: renewal.from, to: renewal.to })
            : renewal.reason === 'revision'
              ? t('banner.renew.revision')
              : t('banner.renew.expired', { days: maxAgeDays })}
          {compare && (
            <>
              {' '}
              <a href={compare}>{t('banner.changes')}</a>
            </>
          )}
        </p>
      )}
      <p>
        {t('banner.purposes', { count: partners.length, partners: partners.join(', '), purposes: purposes.join(', ') })}
      </p>
      <p>
        {t('banner.text')}
        {links.policy && (
          <>
            {' '}
            <a href={links.policy}>{t('banner.policy')}</a>
          </>
        )}
      </p>
      {gpc && <p class="cc-note">{t('gpc.notice')}</p>}
      <Actions t={t} core={core} />
    </section>
  );
}
