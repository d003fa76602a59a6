import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from '../tests/e2e/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4399);

// End-to-end tests run Debian's Chromium (Playwright's own browser download is not available
// on CI machines); tests/e2e/browser.ts finds it or installs it.
export default defineConfig({
  testDir: '../tests/e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: '../tests/e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'phone', use: { ...devices['Pixel 7'], browserName: 'chromium' } }],
  webServer: {
    // The built site, served as a static host would serve it.
    command: `node node_modules/astro/bin/astro.mjs preview --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/en/`,
    cwd: new URL('..', import.meta.url).pathname,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
