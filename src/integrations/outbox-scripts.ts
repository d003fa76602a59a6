import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Rolldown } from 'vite';
import { getManifest } from 'workbox-build';
import { SITE_NOTICES_URL } from '../domain/offline/names.ts';
import { fileOfUrl, precacheUrls, versionedUrl } from '../domain/offline/precache.ts';
import { OUTBOX_NOTICE_URL } from '../domain/outbox/names.ts';
import {
  callbackPath,
  finderPath,
  localized,
  offlinePath,
  serviceWorkerOf,
} from '../domain/urls.ts';

/**
 * The scripts that run outside Astro's pages, each bundled into one file with Vite (the bundler
 * Astro already brings):
 * - dist/<locale>/sw.js, one service worker per language (src/service-worker/sw.ts), its
 *   scope that language's pages, with what it saves on install listed by workbox-build
 *   (docs/decisions/0008-service-worker.md);
 * - dist/outbox-notice.js, the sender behind the notice on every page
 *   (src/components/OutboxNotice.run.ts), loaded by address only when a request waits;
 * - dist/site-notices.js, the offline and update notices (src/components/SiteNotices.run.ts),
 *   loaded by address only when the phone is offline or a newer version waits.
 * All get the outbox settings from site.yaml baked in (src/service-worker/baked-config.ts).
 * `astro dev` serves the same bundles, built on request, the worker with nothing to save.
 */

const WORKER = { entry: '../service-worker/sw.ts', format: 'iife' } as const;
const PAGE_SCRIPTS = [
  { url: OUTBOX_NOTICE_URL, entry: '../components/OutboxNotice.run.ts', format: 'es' },
  { url: SITE_NOTICES_URL, entry: '../components/SiteNotices.run.ts', format: 'es' },
] as const;

/** The root worker of earlier versions, replaced by one that unregisters itself at once. */
const RETIRED_ROOT_WORKER = {
  url: '/sw.js',
  code: "self.addEventListener('install',()=>self.skipWaiting());self.addEventListener('activate',e=>e.waitUntil(self.registration.unregister()));",
};

/** Where workbox-build writes the list of what to save into the bundled worker. */
const INJECTION_POINT = 'self.__WB_MANIFEST';

async function bundle(script: { entry: string; format: 'iife' | 'es' }): Promise<string> {
  // Imported when needed, not at the top: by then the content check has read site.yaml.
  const { site, specialistsWeek } = await import('../site.ts');
  const { outboxConfigFromSite } = await import('../domain/outbox/web.ts');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: {
      __RF_OUTBOX_CONFIG__: JSON.stringify(outboxConfigFromSite(site, specialistsWeek)),
    },
    build: {
      write: false,
      // Class fields and optional chaining as written: every browser with service workers has them.
      target: 'es2022',
      minify: true,
      modulePreload: false,
      rolldownOptions: {
        input: fileURLToPath(new URL(script.entry, import.meta.url)),
        output: { format: script.format },
        // The sender's `run` is its interface to the page: an application build would drop it.
        preserveEntrySignatures: 'strict',
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output as Rolldown.RolldownOutput];
  const chunk = result?.output.find((file) => file.type === 'chunk');
  if (!chunk) throw new Error(`No bundle for ${script.entry}`);
  return chunk.code;
}

/**
 * What a language's worker saves: the pages a first visit and the finder need (home, finder,
 * callback, offline), everything they load before anyone asks, the two notice scripts loaded by
 * address, and the data the finder fetches, under the versioned URLs its pages ask for.
 */
function precacheList(dist: URL, locale: string): string[] {
  const read = (url: string) => readFileSync(new URL(fileOfUrl(url), dist), 'utf8');
  const pages = ['', finderPath(), callbackPath(), offlinePath()].map((path) =>
    localized(locale, path),
  );
  const dataUrls = [localized(locale, 'search-index.json'), '/postal-codes.json'].map((url) =>
    versionedUrl(url, readFileSync(new URL(fileOfUrl(url), dist))),
  );
  // The page and the saved data must be one version, or the finder offline has neither.
  const finderHtml = read(localized(locale, finderPath()));
  for (const url of dataUrls) {
    if (!finderHtml.includes(url)) throw new Error(`${locale}'s finder does not ask for ${url}`);
  }
  return [
    ...new Set([...precacheUrls(pages, read), ...dataUrls, OUTBOX_NOTICE_URL, SITE_NOTICES_URL]),
  ];
}

/** Writes the worker for one language, with its list of what to save written in. */
async function languageWorker(dist: URL, locale: string, code: string) {
  const urls = precacheList(dist, locale);
  const byFile = new Map(urls.map((url) => [fileOfUrl(url), url]));
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: fileURLToPath(dist),
    // Each file named exactly; glob's special characters in a name are taken literally.
    globPatterns: [...byFile.keys()].map((file) => file.replace(/[*?[\]{}()!]/g, '\\$&')),
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    manifestTransforms: [
      (entries) => ({
        manifest: entries.map((entry) => {
          const url = byFile.get(entry.url);
          if (!url) throw new Error(`${entry.url} was not asked for`);
          // A URL with its content's hash in it needs no revision of its own.
          const versioned = url.startsWith('/_astro/') || url.includes('?v=');
          return { ...entry, url, revision: versioned ? null : entry.revision };
        }),
      }),
    ],
  });
  if (manifestEntries?.length !== byFile.size)
    throw new Error(`${locale}: ${manifestEntries?.length} of ${byFile.size} files listed`);
  const [before, after, ...more] = code.split(INJECTION_POINT);
  if (after === undefined || more.length > 0)
    throw new Error(`The worker must name ${INJECTION_POINT} exactly once`);
  // The worker needs each URL and its revision; the sizes are for the budget check to measure.
  const entries = manifestEntries.map(({ url, revision }) => ({ url, revision }));
  const worker = `${before}${JSON.stringify(entries)}${after}`;
  await writeFile(new URL(`.${serviceWorkerOf(locale).url}`, dist), worker);
  return { count: manifestEntries.length, bytes: worker.length, warnings };
}

export function outboxScripts(): AstroIntegration {
  return {
    name: 'rf-outbox-scripts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const script = PAGE_SCRIPTS.find((candidate) => request.url === candidate.url);
          const isWorker = /^\/[^/]+\/sw\.js$/.test(request.url ?? '');
          if (!script && !isWorker) return next();
          bundle(script ?? WORKER).then(
            (code) => {
              response.setHeader('Content-Type', 'text/javascript');
              // In development the worker saves nothing: every edit shows at once.
              response.end(isWorker ? code.replace(INJECTION_POINT, '[]') : code);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        for (const script of PAGE_SCRIPTS) {
          const code = await bundle(script);
          await writeFile(new URL(`.${script.url}`, dir), code);
          logger.info(`${script.url}: ${code.length} bytes`);
        }
        // The worker at the root that sent the outbox before each language had its own: where a
        // phone still has it, it steps aside (the pages and the language's worker send now).
        await writeFile(new URL(`.${RETIRED_ROOT_WORKER.url}`, dir), RETIRED_ROOT_WORKER.code);
        const { site } = await import('../site.ts');
        const worker = await bundle(WORKER);
        for (const locale of site.locales) {
          const { count, bytes, warnings } = await languageWorker(dir, locale, worker);
          for (const warning of warnings) logger.warn(warning);
          // The saved files' sizes are checked, gzipped, by tests/budgets/check-budgets.ts.
          logger.info(`${serviceWorkerOf(locale).url}: ${bytes} bytes, saves ${count} files`);
        }
      },
    },
  };
}
