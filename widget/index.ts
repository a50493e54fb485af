// What the portal's site uses of the widget, and only this: the declaration with its revisions and their changes, and
// the table and strings the cookie pages render at build. The widget itself reaches pages as dist/widget/consent.js.
export { changesBetween } from './declaration/changes.ts';
export {
  type CategoryDeclaration,
  declaration,
  declarations,
  inLanguage,
  type LocalCategory,
} from './declaration/index.ts';
export type { Declaration } from './declaration/schema.ts';
export { dialogT } from './i18n/dialog.ts';
export { ServiceTable } from './view/ServiceTable.tsx';
