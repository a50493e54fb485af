// Unit and component tests: files named *.test.ts(x) beside the code they test.
/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'widget/**/*.test.{ts,tsx}', 'function/**/*.test.ts'],
    environment: 'node',
  },
});
