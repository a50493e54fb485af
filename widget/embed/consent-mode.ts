// consent-mode.js: a classic (not module) script for sites using Google's tag, placed before it. Module scripts run
// after the page's inline scripts, too late for Google's `consent default`; this one runs where it stands, so Google's
// tag learns "denied" first, then the standing decision from the cookie, before `gtag('config')`.
import { consentModeCommands, consentModeDefault, consentModeState } from '../core/consent-mode.ts';
import { cookieValues, latestRecord, withGpc } from '../core/record.ts';
import { needsRenewal } from '../core/renewal.ts';
import { type Defaults, readConfig, settingsOf } from './config.ts';
import { CONSENT_COOKIE } from './cookies.ts';
import { gtag } from './gtag.ts';

declare const __CONSENT_DEFAULTS__: Defaults;
const defaults = __CONSENT_DEFAULTS__;
const tag = document.currentScript as HTMLScriptElement | null;
const config = readConfig(settingsOf(tag), document.documentElement.lang, defaults, location.hostname, location.href);

window.citimConsentMode = true;
for (const command of consentModeCommands('default', consentModeDefault())) gtag(...command);
const stored = latestRecord(cookieValues(document.cookie, CONSENT_COOKIE));
if (
  stored &&
  !needsRenewal(stored, {
    revision: defaults.declaration.revision,
    renewSince: config.renewSince,
    maxAgeDays: config.maxAgeDays,
    now: Date.now(),
  })
) {
  const { services, google } = defaults.declaration;
  const advertising = Object.keys(services).filter((id) => services[id] === 'advertising');
  const standing = withGpc(stored, navigator.globalPrivacyControl === true, advertising);
  for (const command of consentModeCommands('update', consentModeState(standing.choices, standing.services, google)))
    gtag(...command);
}
