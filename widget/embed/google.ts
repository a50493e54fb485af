// Google Consent Mode for the module: a chunk loaded only where the tag asks for it (`data-consent-mode="google"`), so
// that sites without Google's tag never download it. consent-mode.js, the classic script, covers the earliest moment.
import type { Services } from '../core/categories.ts';
import {
  consentModeCommands,
  consentModeDefault,
  consentModeState,
  type GoogleServices,
} from '../core/consent-mode.ts';
import type { Choices, ConsentRecord } from '../core/record.ts';
import { gtag } from './gtag.ts';

/** The default, then the standing decision if there is one (what consent-mode.js tells when the page has it). */
export function tellDefault(standing: ConsentRecord | null | undefined, google: GoogleServices): void {
  for (const command of consentModeCommands('default', consentModeDefault())) gtag(...command);
  if (standing) tellChoices(standing.choices, standing.services, google);
}

/** A decision, as Google's tag reads it: by category, and by Google's own services where the person chose apart. */
export const tellChoices = (choices: Choices, services: Services, google: GoogleServices) => {
  for (const command of consentModeCommands('update', consentModeState(choices, services, google))) gtag(...command);
};
