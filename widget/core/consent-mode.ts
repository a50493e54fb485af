// Google Consent Mode v2: how the categories, and Google's own services chosen apart, map onto Google's consent types.
// Off unless the site configures it.
import { allowedBy, type Optional, type Services } from './categories.ts';
import type { Choices } from './record.ts';

export type ConsentModeType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';
export type ConsentModeState = Record<ConsentModeType, 'granted' | 'denied'>;

/** Google's own services (declaration `consentMode`), by id: the consent types each reads. */
export type GoogleServices = Record<string, 'analytics' | 'ads'>;
/** Where each kind of Google service belongs: its category when none of that kind is declared. */
const CATEGORY_OF = { analytics: 'statistics', ads: 'advertising' } as const satisfies Record<string, Optional>;

const state = (granted: boolean) => (granted ? 'granted' : 'denied');

/**
 * What Google's tags may do under a decision: a type is granted when every one of Google's services reading it is
 * allowed, by its own choice or its category's (a person who refuses Google Analytics alone refuses analytics_storage;
 * one who allows Google Ads alone grants the advertising types to it); the category decides when none is declared.
 */
export function consentModeState(
  choices: Choices,
  services: Services = {},
  google: GoogleServices = {},
): ConsentModeState {
  const kind = (k: keyof typeof CATEGORY_OF) => {
    const ids = Object.keys(google).filter((id) => google[id] === k);
    return ids.length ? ids.every((id) => allowedBy(choices, services, CATEGORY_OF[k], id)) : choices[CATEGORY_OF[k]];
  };
  const ads = state(kind('ads'));
  return {
    ad_storage: ads,
    ad_user_data: ads,
    ad_personalization: ads,
    analytics_storage: state(kind('analytics')),
    functionality_storage: state(choices.preferences),
    personalization_storage: state(choices.preferences),
    security_storage: 'granted',
  };
}

/** The `consent default` command: everything optional denied until the person decides. */
export function consentModeDefault(): ConsentModeState & { wait_for_update: number } {
  return {
    ...consentModeState({ preferences: false, statistics: false, advertising: false, social: false }),
    wait_for_update: 500,
  };
}

/**
 * The commands that tell Google's tag a state: the consent types, then `ads_data_redaction` while advertising storage
 * is denied (ad click identifiers are then removed from what Google's tags send), as Google's consent mode reference
 * asks.
 */
export function consentModeCommands(
  kind: 'default' | 'update',
  state: ConsentModeState,
): [['consent', 'default' | 'update', ConsentModeState], ['set', 'ads_data_redaction', boolean]] {
  return [
    ['consent', kind, state],
    ['set', 'ads_data_redaction', state.ad_storage === 'denied'],
  ];
}
