// The officer API's types for the inbox (src/officer/officer-api.ts), the one file of the function it may import:
// types only, so nothing of the server reaches the browser, and a changed route fails the inbox's type check.
import type { officerRoutes } from './officer.ts';

/** Every route of the officer API with its parameters, body and answers, as Hono's `hc` client reads them. */
export type OfficerApi = ReturnType<typeof officerRoutes>;

export type { OfficerProblem } from '../http/messages.ts';
