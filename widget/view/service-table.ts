// The cookie declaration of one category as a table: in the preferences dialog, and on the portal's cookie page.
import type { CategoryDeclaration, Lang } from '../declaration.ts';
import type { WidgetKey, WidgetT } from '../i18n/index.ts';
import type { Render } from './h.ts';

const COLUMNS: WidgetKey[] = ['table.service', 'table.purpose', 'table.cookie', 'table.lifetime', 'table.party'];

export function serviceTable<N>(h: Render<N>, category: CategoryDeclaration, lang: Lang, t: WidgetT): N {
  return h(
    'div',
    { class: 'cc-scroll' },
    h(
      'table',
      { class: 'cc-table' },
      h('caption', { class: 'cc-vh' }, category.title[lang]),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          COLUMNS.map((key) => h('th', { scope: 'col' }, t(key))),
        ),
      ),
      h(
        'tbody',
        null,
        category.services.flatMap((service) =>
          service.cookies.map((cookie, i) =>
            h(
              'tr',
              null,
              // The service and its purpose span the rows of all its cookies.
              i === 0 && [
                h('th', { scope: 'row', rowspan: service.cookies.length }, `${service.name} (${service.provider})`),
                h('td', { rowspan: service.cookies.length }, service.purpose[lang]),
              ],
              h('td', null, h('code', null, cookie.name)),
              h('td', null, cookie.lifetime[lang]),
              h('td', null, t(`party.${cookie.party}`)),
            ),
          ),
        ),
      ),
    ),
  );
}
