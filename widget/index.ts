// What the portal's site uses of the widget, and only this: the declaration, and the table and strings the cookie
// page renders at build. The widget itself reaches pages as dist/widget/consent.js.
export { type CategoryDeclaration, declaration, inLanguage, type LocalCategory } from './declaration.ts';
export { dialogT } from './i18n/dialog.ts';
export { ServiceTable } from './view/ServiceTable.tsx';
