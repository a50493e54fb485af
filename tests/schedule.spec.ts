// Documents change status on their day with no one acting: a Node server whose clock crosses midnight (Montreal) on
// the day version 1.2 takes effect rebuilds the portal for that day, and its pages, history and the widget's renewal
// show 1.2 in force. A page of a static host's build that was not rebuilt says it may be out of date.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ANNOUNCED_PORT } from '../playwright.config.ts';
import { startServer } from '../function/testing.ts';
import { refusedState } from './helpers.ts';

test.use({ storageState: refusedState() });

test('the server rebuilds at midnight on the day a version takes effect, and every page shows it', async ({
  page,
  request,
}) => {
  // A whole build (Astro, the widget, the search index, compression) on a busy machine.
  test.setTimeout(240_000);
  const place = resolve(`.e2e/schedule-${Date.now()}`);
  mkdirSync(place, { recursive: true });
  // The announced build (made for 1 December 2026, 1.2 in force on 15 January 2027), served from a copy.
  cpSync('.e2e/announced', `${place}/dist`, { recursive: true });
  const server = await startServer({
    PORTAL_DIST: `${place}/dist`,
    PORTAL_DATA: `${place}/data`,
    PORTAL_CONTENT_DIR: '.e2e/announced-content',
    PORTAL_REBUILD: 'on',
    // Twenty seconds before midnight in Montreal, the evening before 1.2 takes effect.
    PORTAL_CLOCK_START: '2027-01-14T23:59:40-05:00',
  });
  try {
    const policy = `${server.base}/fr/politique-de-confidentialite/`;
    await page.goto(policy);
    await expect(page.locator('.meta').first()).toContainText('Version 1.1');
    await expect(page.locator('[data-banner="announcement"]')).toContainText('15 janvier 2027');

    // Midnight passes; the server builds for the 15th beside the build it serves, then puts it in its place.
    await expect
      .poll(async () => (await (await request.get(`${server.base}/schedule.json`)).json()).builtFor, {
        timeout: 200_000,
        intervals: [1_000],
      })
      .toBe('2027-01-15');
    expect(server.output()).toMatch(/"rebuilt":"2027-01-15","change":"2027-01-15"/);

    await page.goto(policy);
    await expect(page.locator('.meta').first()).toContainText('Version 1.2');
    await expect(page.locator('[data-banner="announcement"]')).toHaveCount(0);
    await expect(page.locator('[data-stale]')).toHaveCount(0);
    await page.goto(`${server.base}/en/privacy-policy/history/`);
    await expect(page.locator('tr[data-version="1.2"] [data-status]')).toHaveText('In force');
    await expect(page.locator('tr[data-version="1.1"] [data-status]')).toHaveText('Superseded');
    await page.goto(`${server.base}/fr/politique-de-confidentialite/1.2/`);
    await expect(page.locator('[data-banner="upcoming"]')).toHaveCount(0);
    // The widget asks again once the policy it was accepted under is no longer the one in force.
    expect((await (await request.get(`${server.base}/widget/defaults.json`)).json()).policy).toBe('1.2');
  } finally {
    server.stop();
    await server.exited;
    rmSync(place, { recursive: true, force: true });
  }
});

test('a page of a build made before a change says, from that day on, that it may be out of date', async ({ page }) => {
  const announced = `http://127.0.0.1:${ANNOUNCED_PORT}`;
  // The reader's clock before 15 January: nothing to say.
  await page.clock.setFixedTime(new Date('2027-01-14T23:00:00-05:00'));
  await page.goto(`${announced}/fr/politique-de-confidentialite/`);
  await expect(page.locator('[data-stale]')).toBeHidden();
  // From the 15th (Montreal), the static build that was not rebuilt says so, in the page's language.
  await page.clock.setFixedTime(new Date('2027-01-15T00:30:00-05:00'));
  await page.goto(`${announced}/fr/politique-de-confidentialite/`);
  await expect(page.getByRole('status').filter({ hasText: 'préparée le 1 décembre 2026' })).toBeVisible();
  await page.goto(`${announced}/en/privacy-policy/history/`);
  await expect(page.locator('[data-stale]')).toContainText('prepared on December 1, 2026');
});
