// The inbox's words, as plain props: built on the server from the string tables, so no table ships.
import { strings, type UiKey } from '../i18n/index.ts';
import { statusNames, typeNames } from '../../shared/request-names.ts';
import { declaration } from '../../widget/index.ts';
import { replies } from './replies.ts';
import type { Lang } from '../site.config.ts';

type OfficerKey = Extract<UiKey, `officer.${string}`>;
/** The inbox's words, with the short names of request types and statuses. */
export const officerWords = (lang: Lang) => ({
  ...(Object.fromEntries(Object.entries(strings[lang]).filter(([key]) => key.startsWith('officer.'))) as Record<
    OfficerKey,
    string
  >),
  types: typeNames[lang],
  statuses: statusNames[lang],
  /** Replies and type names in the requester's language, whatever the officer's. */
  replies,
  typesIn: typeNames,
  /** The cookie categories' titles, for the consent overview. */
  categories: Object.fromEntries(declaration.categories.map((c) => [c.id, c.title[lang]])) as Record<string, string>,
  /** The request's fields as the form names them. */
  fields: {
    name: strings[lang]['request.name'],
    email: strings[lang]['request.email'],
    phone: strings[lang]['request.phone'],
    fileNumber: strings[lang]['request.fileNumber'],
    relation: strings[lang]['request.relation'],
    language: strings[lang]['request.language'],
    replyFormat: strings[lang]['request.replyFormat'],
    capacity: strings[lang]['request.capacity'],
    details: strings[lang]['request.details'],
  },
  /** Field values as the form offered them (relation, capacity, reply format). */
  values: Object.fromEntries(
    Object.entries(strings[lang]).flatMap(([key, text]) => {
      const m = /^request\.(relation|capacity|replyFormat)\.([\w-]+)$/.exec(key);
      return m && !key.endsWith('.hint') ? [[`${m[1]}:${m[2]}`, text]] : [];
    }),
  ) as Record<string, string>,
});
export type OfficerWords = ReturnType<typeof officerWords>;
