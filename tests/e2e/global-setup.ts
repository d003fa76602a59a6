import { execFileSync } from 'node:child_process';
import { chromiumAvailable, chromiumPath } from './browser.ts';

/**
 * Makes sure a browser is there before any test starts. Playwright cannot download its own
 * here, so on a fresh Debian machine we install the distribution's Chromium (as root).
 */
export default function globalSetup(): void {
  if (chromiumAvailable()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    throw new Error(
      `No Chromium at ${chromiumPath()}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  console.log('Installing Chromium from Debian packages for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], {
    stdio: 'inherit',
    env,
  });
  if (!chromiumAvailable())
    throw new Error('Chromium was installed but is not at /usr/bin/chromium.');
}
