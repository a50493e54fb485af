// The privacy officer's contact block, from the site configuration, as lines of text (comparisons, feed).
import { useTranslations } from '../i18n/index.ts';
import { site, type Lang } from '../site.config.ts';

export function contactLines(lang: Lang, contact = site.contact): string[] {
  const t = useTranslations(lang);
  const { postal } = contact;
  // French typography puts a no-break space before the colon.
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  return [
    ...(contact.phone ? [`${t('contact.phone')}${colon}${contact.phone}`] : []),
    `${t('contact.email')}${colon}${contact.email ?? t('contact.noEmail')}`,
    `${t('contact.post')}${colon}${contact.organisation}, ${t('contact.careOf')} ${contact.officerTitle[lang]}, ` +
      `${postal.lines.join(', ')}, ${postal.locality} (${postal.region}) ${postal.postalCode}, ${postal.country[lang]}`,
  ];
}
