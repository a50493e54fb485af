// The core as the view receives it: the embed hands over its stores and actions, so the view's chunks import none of
// the core's code (it already runs in consent.js) and the view stays a thin binding over a framework-free core.
import type * as consent from '../core/consent.ts';

type Consent = typeof consent;
export type CoreApi = Pick<
  Consent,
  | '$draft'
  | '$draftServices'
  | '$gpc'
  | '$record'
  | '$renewal'
  | '$view'
  | 'acceptAll'
  | 'refuseAll'
  | 'openPreferences'
  | 'closePreferences'
  | 'saveChoices'
  | 'setChoice'
  | 'setService'
>;
