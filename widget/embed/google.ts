// Google Consent Mode for the module: a chunk loaded only where the tag asks for it (`data-consent-mode="google"`), so
// that sites without Google's tag never download it. consent-mode.js, the classic script, covers the earliest moment.
import { consentModeDefault, consentModeState } from '../core/consent-mode.ts';
import type { Choices } from '../core/record.ts';
import { gtag } from './gtag.ts';

/** The default, then the standing decision if there is one (what consent-mode.js tells when the page has it). */
export function tellDefault(standing: Choices | undefined): void {
  gtag('consent', 'default', consentModeDefault());
  if (standing) tellChoices(standing);
}

/** A decision, as Google's tag reads it. */
export const tellChoices = (choices: Choices) => gtag('consent', 'update', consentModeState(choices));
