// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { contentCheck } from './src/integrations/content-check.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownNumbers } from './src/integrations/markdown-numbers.ts';
import { outboxScripts } from './src/integrations/outbox-scripts.ts';
import { siteMap } from './src/integrations/sitemap.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';

// A static site: every page is HTML at build time, so the essentials work without JavaScript.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // The sitemap reads site.yaml (its origin and locales) after the content check has passed it.
  // The security headers come last: they hash what the pages contain once all is written.
  integrations: [contentCheck(), preact(), outboxScripts(), siteMap(), securityHeaders()],
  server: { port: 4321 },
  // Numbers to call are written once in site.yaml; paths and pages name them by placeholder.
  // The site file is read when the first page renders, after the content check has run.
  markdown: {
    processor: satteri({
      mdastPlugins: [markdownNumbers(() => import('./src/site.ts').then((module) => module.site))],
    }),
  },
  build: {
    // Stylesheets stay files: each component's sheet is shared by thousands of pages and
    // cached after the first, where inlined it would be sent again in every page's HTML.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      // Components' scripts stay files too, however small: each inline script is one more
      // hash in every page's Content Security Policy (src/integrations/security-headers.ts),
      // and a file is cached once for every page where inline code is sent again with each.
      // Other assets (the map's small images) keep Vite's own limit.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  devToolbar: { enabled: false },
});
