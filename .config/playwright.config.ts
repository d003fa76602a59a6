import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from '../tests/e2e/browser.ts';
import { deploymentDir, deploymentName, listDeployments } from '../src/deployment.ts';
import { loadSite } from '../src/load-site.ts';

const port = Number(process.env.E2E_PORT ?? 4399);
// The deployment that was built (`DEPLOYMENT`, Boston by default). Boston's specs sit at the top
// of tests/e2e; another deployment's in a folder named after it. The accessibility spec walks
// every page type of whichever deployment was built, the security policy spec uses each under the
// real headers.
const deployment = deploymentName();
const root = new URL('..', import.meta.url).pathname;
const firstLocale = loadSite(deploymentDir({ root })).locales[0]!;
const others = listDeployments(root).filter((name) => name !== 'boston');
const specs =
  deployment === 'boston'
    ? { testMatch: '*.spec.ts', testIgnore: others.map((name) => `${name}/**`) }
    : {
        testMatch: [
          `${deployment}/**/*.spec.ts`,
          'accessibility.spec.ts',
          'security-policy.spec.ts',
          'site-files.spec.ts',
        ],
      };

// End-to-end tests run Debian's Chromium (Playwright's own browser download is not available
// on CI machines); tests/e2e/browser.ts finds it or installs it.
export default defineConfig({
  testDir: '../tests/e2e',
  ...specs,
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
    // The built site, served as a static host would serve it, with the headers of dist/_headers.
    command: `node src/cli/static-server.ts dist --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/${firstLocale}/`,
    cwd: root,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
