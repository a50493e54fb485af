// Unit and component tests: files named *.test.ts(x) beside the code they test.
/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'widget/**/*.test.{ts,tsx}',
      'function/**/*.test.ts',
      'shared/**/*.test.ts',
      'scanner/**/*.test.ts',
    ],
    environment: 'node',
    // Some tests start a server or workerd: on a busy 2-core machine 5 s (vitest's default) is too short a wait.
    testTimeout: 15_000,
    // Miniflare must not reach Cloudflare (no network here); no telemetry.
    env: { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', ASTRO_TELEMETRY_DISABLED: '1' },
    // happy-dom does not fetch scripts or frames: say so quietly.
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
  },
});
