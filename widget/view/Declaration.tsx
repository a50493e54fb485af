// The cookie declaration as tables, one per category: in the preferences dialog and on the portal's cookie page.
import type { CategoryDeclaration, Lang } from '../declaration.ts';
import type { DialogT } from '../i18n/index.ts';

export function ServiceTable({ category, lang, t }: { category: CategoryDeclaration; lang: Lang; t: DialogT }) {
  return (
    <div class="cc-scroll">
      <table class="cc-table">
        <caption class="cc-vh">{category.title[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.service')}</th>
            <th scope="col">{t('table.purpose')}</th>
            <th scope="col">{t('table.cookie')}</th>
            <th scope="col">{t('table.lifetime')}</th>
            <th scope="col">{t('table.party')}</th>
          </tr>
        </thead>
        <tbody>
          {category.services.flatMap((service) =>
            service.cookies.map((cookie, i) => (
              <tr key={`${service.name}-${cookie.name}`}>
                {i === 0 && (
                  <>
                    <th scope="row" rowSpan={service.cookies.length}>
                      {service.name} ({service.provider})
                    </th>
                    <td rowSpan={service.cookies.length}>{service.purpose[lang]}</td>
                  </>
                )}
                <td>
                  <code>{cookie.name}</code>
                </td>
                <td>{cookie.lifetime[lang]}</td>
                <td>{t(cookie.party === 'first' ? 'party.first' : 'party.third')}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
