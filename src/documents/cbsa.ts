// The CBSA's own pages the PTET notice refers people to: where its official texts are and how to ask it for records.
// Links only, to the Agency's published pages (checked 2026-11-24), never a contact detail copied here that could age.
import type { Lang } from '../site.config.ts';

const CBSA = 'https://www.cbsa-asfc.gc.ca/agency-agence/reports-rapports/pia-efvp/atip-aiprp';

export const cbsa = {
  /** The CBSA's official executive summary on the Temporary Foreign Worker Program, in each official language. */
  ptetSummary: { fr: `${CBSA}/tfwp-ptet-fra.html`, en: `${CBSA}/tfwp-ptet-eng.html` },
  /** How to make a request under the Privacy Act: the Agency's address, fax and what to include. */
  privacyRequest: { fr: `${CBSA}/req-dem-priv-fra.html`, en: `${CBSA}/req-dem-priv-eng.html` },
  /** The Government of Canada's online service for access and privacy requests (no fee under the Privacy Act). */
  onlineRequest: { fr: 'https://atip-aiprp.tbs-sct.gc.ca/fr/', en: 'https://atip-aiprp.tbs-sct.gc.ca/en/' },
} satisfies Record<string, Record<Lang, string>>;
