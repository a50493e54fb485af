// The consent vocabulary the widget, the portal and the function share: categories and how a decision was made.
// Plain constants, no library: the widget's bundle carries this file.

export const CATEGORIES = ['necessary', 'preferences', 'statistics', 'advertising', 'social'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories a person may refuse: all but the strictly necessary. */
export const OPTIONAL = ['preferences', 'statistics', 'advertising', 'social'] as const;
export type Optional = (typeof OPTIONAL)[number];

/** How a decision was made: the banner's or the dialog's buttons, or a script of the page (`window.citimConsent`). */
export const METHODS = ['accept-all', 'refuse-all', 'custom', 'api'] as const;
export type Method = (typeof METHODS)[number];

export const LANGS = ['fr', 'en'] as const;
