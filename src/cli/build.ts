/**
 * `npm run build`: `astro build`, telling the content check whether the person asked for a
 * production build. Astro sets NODE_ENV=production for every build before any of the project's
 * code runs, so the value set by the person is passed on under a name of its own
 * (RECOVERY_FINDER_NODE_ENV, read by src/domain/unverified.ts).
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  process.execPath,
  ['node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, RECOVERY_FINDER_NODE_ENV: process.env.NODE_ENV ?? '' },
  },
);
process.exit(result.status ?? 1);
