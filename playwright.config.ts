// Browser tests (tests/*.spec.ts) against the built site, served by the same Node entry as `npm start`.
import { defineConfig } from '@playwright/test';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const PORT = 4390;
/** A second build of the same content, as of a day before version 1.1 took effect (see package.json `build:past`). */
export const PAST_PORT = 4391;
/** The same content with a version 1.2 published, not yet in force (see package.json `build:announced`). */
export const ANNOUNCED_PORT = 4393;
/** The first server's data folder: set once by the main process, inherited by the workers (the inbox test invites). */
process.env['E2E_DATA'] ??= `.e2e/data-${Date.now()}`;
export const DATA_DIR = process.env['E2E_DATA'];
/** A second installation of its own (its own recovery key and officers): a lost device and the recovery key. */
export const FRESH_PORT = 4392;
process.env['E2E_FRESH_DATA'] ??= `.e2e/fresh-${Date.now()}`;
export const FRESH_DATA_DIR = process.env['E2E_FRESH_DATA'];

/** How every test's Chromium starts (a test of the back/forward cache turns the cache back on). */
export const LAUNCH = {
  executablePath: chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // CI may share a two-core machine with other work: room for a page, a proof of work and an axe run under load.
  // Tests that run axe on long pages ask for three times this (`test.slow()`).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-CA',
    launchOptions: LAUNCH,
  },
  webServer: [
    {
      command: 'node function/entries/node.ts',
      // A fresh store for each run, a cheap proof of work and room for many test requests from one address.
      // Every server serves its build as it is: the past and the announced ones stand for a day that is not today
      // (tests/schedule.spec.ts runs its own server, which rebuilds).
      env: {
        PORTAL_REBUILD: 'off',
        PORT: String(PORT),
        PORTAL_DATA: DATA_DIR,
        ALTCHA_COST: '50',
        PORTAL_RATE_PER_WINDOW: '1000',
        PORTAL_STATUS_PER_WINDOW: '1000',
        // Every test signs in from 127.0.0.1: room for all of them, as for filings.
        PORTAL_SIGNIN_PER_WINDOW: '1000',
        // Every export, invitation and revocation asks for the passkey again: the confirmation is exercised each time.
        OFFICER_CONFIRM_SECONDS: '0',
      },
      url: `http://127.0.0.1:${PORT}/fr/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: 'node function/entries/node.ts',
      env: { PORTAL_REBUILD: 'off', PORT: String(FRESH_PORT), PORTAL_DATA: FRESH_DATA_DIR, PORTAL_ALTCHA: 'off' },
      url: `http://127.0.0.1:${FRESH_PORT}/fr/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: 'node function/entries/node.ts',
      env: { PORTAL_REBUILD: 'off', PORT: String(PAST_PORT), PORTAL_DIST: '.e2e/past', PORTAL_DATA: '.e2e/past-data' },
      url: `http://127.0.0.1:${PAST_PORT}/fr/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: 'node function/entries/node.ts',
      env: {
        PORTAL_REBUILD: 'off',
        PORT: String(ANNOUNCED_PORT),
        PORTAL_DIST: '.e2e/announced',
        PORTAL_DATA: '.e2e/announced-data',
      },
      url: `http://127.0.0.1:${ANNOUNCED_PORT}/fr/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
