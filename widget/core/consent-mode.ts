// Google Consent Mode v2: how the categories map onto Google's consent types. Off unless the site configures it.
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

const state = (granted: boolean) => (granted ? 'granted' : 'denied');

export function consentModeState(choices: Choices): ConsentModeState {
  return {
    ad_storage: state(choices.advertising),
    ad_user_data: state(choices.advertising),
    ad_personalization: state(choices.advertising),
    analytics_storage: state(choices.statistics),
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
