// Test helper: the core as embed/index.ts hands it to the view, with the real stores and actions.
import * as consent from '../core/consent.ts';

export const core = { ...consent };
