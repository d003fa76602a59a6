import { defineConfig } from 'vitest/config';

// Unit tests cover src/domain, src/schemas, src/i18n, the importers and the islands' message
// declarations: pure code, run in Node.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Far from Boston, with daylight saving of its own: every hour on the site must be computed
    // in the deployment's zone, whatever the machine's.
    env: { TZ: 'Pacific/Chatham' },
  },
});
