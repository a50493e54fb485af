import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
for (const path of ['/fr/', '/fr/politique-de-confidentialite/', '/fr/politique-de-confidentialite/historique/', '/fr/politique-de-confidentialite/comparer/1.0-1.1/']) {
  await page.goto('http://127.0.0.1:4390' + path);
  await page.waitForTimeout(500);
  console.log(
    path,
    await page.evaluate(() => document.documentElement.scrollWidth),
    await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 321)
        .slice(0, 4)
        .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)),
    ),
  );
}
await browser.close();
