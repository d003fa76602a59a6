import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Rolldown } from 'vite';
import { OUTBOX_NOTICE_URL, SERVICE_WORKER_URL } from '../domain/outbox/names.ts';

/**
 * The two scripts the outbox runs outside Astro's pages, each bundled into one file at the
 * site's root with Vite (the bundler Astro already brings: no further dependency):
 * - dist/sw.js, the service worker (src/service-worker/sw.ts): at the root, its scope is `/`;
 * - dist/outbox-notice.js, the sender behind the notice on every page
 *   (src/components/OutboxNotice.run.ts), loaded by address only when a request waits.
 * Both get the outbox settings from site.yaml baked in (src/service-worker/baked-config.ts).
 * `astro dev` serves the same bundles, built on request.
 */

const SCRIPTS = [
  { url: SERVICE_WORKER_URL, entry: '../service-worker/sw.ts', format: 'iife' },
  { url: OUTBOX_NOTICE_URL, entry: '../components/OutboxNotice.run.ts', format: 'es' },
] as const;

async function bundle(script: (typeof SCRIPTS)[number]): Promise<string> {
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

export function outboxScripts(): AstroIntegration {
  return {
    name: 'rf-outbox-scripts',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const script = SCRIPTS.find((candidate) => request.url === candidate.url);
          if (!script) return next();
          bundle(script).then(
            (code) => {
              response.setHeader('Content-Type', 'text/javascript');
              response.end(code);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        for (const script of SCRIPTS) {
          const code = await bundle(script);
          await writeFile(new URL(`.${script.url}`, dir), code);
          logger.info(`${script.url}: ${code.length} bytes`);
        }
      },
    },
  };
}
