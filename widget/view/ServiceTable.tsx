// The cookie declaration of one category as a table: in the preferences dialog, and on the portal's cookie page,
// where Astro renders this same component at build time (no script shipped there).
import type { LocalCategory } from '../declaration/index.ts';
import type { DialogKey, DialogT } from '../i18n/dialog.ts';

const CONSENT_COOKIE = 'citim_consent';

const COLUMNS: DialogKey[] = ['table.service', 'table.purpose', 'table.cookie', 'table.lifetime', 'table.party'];

/** `consentDays`: how long this site keeps the consent cookie (`data-max-age-days`), shown instead of the default. */
export function ServiceTable({
  category,
  t,
  consentDays,
}: {
  /** In the reader's language (`inLanguage`). */
  category: LocalCategory;
  t: DialogT;
  consentDays?: number | undefined;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: what scrolls sideways is reachable by keyboard (WCAG 2.1.1).
    <div class="cc-scroll" tabIndex={0}>
      <table class="cc-table">
        <caption class="cc-vh">{category.title}</caption>
        <thead>
          <tr>
            {COLUMNS.map((key) => (
              <th scope="col">{t(key)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {category.services.flatMap((service) =>
            service.cookies.map((cookie, i) => (
              <tr>
                {/* The service and its purpose span the rows of all its cookies. */}
                {i === 0 && (
                  <>
                    <th scope="row" rowSpan={service.cookies.length}>
                      {`${service.name} (${service.provider})`}
                    </th>
                    <td rowSpan={service.cookies.length}>{service.purpose}</td>
                  </>
                )}
                <td>
                  <code>{cookie.name}</code>
                </td>
                <td>
                  {consentDays && cookie.name === CONSENT_COOKIE
                    ? t('table.days', { days: consentDays })
                    : cookie.lifetime}
                </td>
                <td>{t(`party.${cookie.party}`)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
