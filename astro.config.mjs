// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { contentCheck } from './src/integrations/content-check.ts';

// A static site: every page is HTML at build time, so the essentials work without JavaScript.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  integrations: [contentCheck(), preact()],
  server: { port: 4321 },
  build: {
    // Small pages stay one request on a slow phone; Astro inlines styles below its limit.
    inlineStylesheets: 'auto',
  },
  devToolbar: { enabled: false },
});
