import { describe, expect, it } from 'vitest';
import { digest } from '../declaration/index.ts';
import { consentModeCommands, consentModeDefault, consentModeState } from './consent-mode.ts';

const all = { preferences: true, statistics: true, advertising: true, social: true };
const { google } = digest();

describe('Google Consent Mode', () => {
  it('names Google’s own services from the declaration', () => {
    expect(google).toEqual({ analytics: 'analytics', googleads: 'ads' });
  });

  it('denies analytics_storage when Google Analytics alone is refused, whatever its category says', () => {
    const state = consentModeState(all, { analytics: false }, google);
    expect(state).toMatchObject({
      analytics_storage: 'denied',
      ad_storage: 'granted',
      functionality_storage: 'granted',
    });
  });

  it('denies every advertising type when Google Ads alone is refused, but not when another advertiser is', () => {
    expect(consentModeState(all, { googleads: false }, google)).toMatchObject({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'granted',
    });
    expect(consentModeState(all, { metapixel: false }, google).ad_storage).toBe('granted');
  });

  it('grants a Google service chosen alone only as far as the person chose it', () => {
    const none = { preferences: false, statistics: false, advertising: false, social: false };
    // Google Ads allowed on its own, its category refused: its types are granted, no others.
    expect(consentModeState(none, { googleads: true }, google)).toMatchObject({
      ad_storage: 'granted',
      analytics_storage: 'denied',
    });
    // Without a declared Google service, the category decides.
    expect(consentModeState(all, { googleads: false }, {}).ad_storage).toBe('granted');
  });

  it('asks for ads data redaction while advertising storage is denied, first thing and after a refusal', () => {
    const [consent, redaction] = consentModeCommands('default', consentModeDefault());
    expect(consent[0]).toBe('consent');
    expect(redaction).toEqual(['set', 'ads_data_redaction', true]);
    expect(consentModeCommands('update', consentModeState(all, {}, google))[1]).toEqual([
      'set',
      'ads_data_redaction',
      false,
    ]);
    expect(consentModeCommands('update', consentModeState(all, { googleads: false }, google))[1][2]).toBe(true);
  });
});
