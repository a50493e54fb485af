// Makes sure a Chromium is there for the browser tests: Debian's package, installed through apt when we may.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  const root = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!root || !hasApt) {
    console.error(
      `No Chromium at ${chromiumPath}. Install Debian's package with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
        'or point CHROMIUM_PATH at another Chromium build. (Playwright cannot download its own browsers here.)',
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian packages (apt-get install chromium)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
console.log(`Chromium: ${execFileSync(chromiumPath, ['--version']).toString().trim()}`);
