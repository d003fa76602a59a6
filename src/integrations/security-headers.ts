import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatHeadersFile } from '../domain/security/headers-file.ts';
import { inlineCode, inlineCodeProblems, withPolicyMeta } from '../domain/security/inline-code.ts';
import {
  contentSecurityPolicy,
  formatPolicy,
  headerRules,
  type InlineHashes,
} from '../domain/security/policy.ts';

/**
 * The Content Security Policy, written after the build from what the pages really contain:
 * - each page gets a <meta http-equiv="Content-Security-Policy"> that allows its own inline
 *   scripts and styles by SHA-256 hash, and nothing inline else;
 * - dist/_headers (Netlify, Cloudflare Pages; `npm run headers` turns it into nginx and Caddy
 *   configuration) carries the same policy as a header, with the hashes of every page and
 *   frame-ancestors, beside the other security headers and the cache rules.
 * A page with a style attribute, an event handler attribute or a javascript: address fails the
 * build: no hash can allow those.
 *
 * Astro's own `security.csp` hashes only the scripts and styles it bundles, not `is:inline` ones
 * (the cascade layer order, the language redirects of the bare address and the short links), and
 * writes the hashes of every bundled file into every page, which the 14 KB page budget cannot
 * afford; reading the output covers everything that is inline, whoever put it there.
 *
 * Runs last: the top-level files that others write when the build is done (the outbox's /sw.js,
 * the sitemap) get their cache rule only if they exist by then. Listed last in astro.config.mjs
 * and, since an integration may add others while the config is set up (the sitemap is added
 * so), it adds its writer only then, after them.
 */

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function securityHeaders(): AstroIntegration {
  return {
    name: 'rf-security-headers',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [policyWriter()] });
      },
    },
  };
}

function policyWriter(): AstroIntegration {
  return {
    name: 'rf-security-headers-writer',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Imported when needed, not at the top: by then the content check has read site.yaml.
        const { site } = await import('../site.ts');
        const root = fileURLToPath(dir);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const problems: string[] = [];
        const files = await htmlFiles(root);
        // In batches: thirteen thousand pages at once would open as many files.
        for (let start = 0; start < files.length; start += 200) {
          await Promise.all(
            files.slice(start, start + 200).map(async (file) => {
              const html = await readFile(file, 'utf8');
              const page = file.slice(root.length);
              problems.push(...inlineCodeProblems(html).map((problem) => `${page}: ${problem}`));
              const code = inlineCode(html);
              const hashes: InlineHashes = {
                scripts: code.scripts.map(sha256),
                styles: code.styles.map(sha256),
              };
              hashes.scripts.forEach((hash) => scripts.add(hash));
              hashes.styles.forEach((hash) => styles.add(hash));
              const policy = formatPolicy(contentSecurityPolicy(site, hashes, 'meta'));
              await writeFile(file, withPolicyMeta(html, policy));
            }),
          );
        }
        if (problems.length > 0) {
          throw new Error(
            `Inline code the Content Security Policy cannot allow:\n${problems.slice(0, 20).join('\n')}`,
          );
        }
        const topLevel = (await readdir(root, { withFileTypes: true })).map((entry) => ({
          name: entry.name,
          folder: entry.isDirectory(),
        }));
        const all: InlineHashes = { scripts: [...scripts].sort(), styles: [...styles].sort() };
        const rules = headerRules(site, all, topLevel);
        await writeFile(
          join(root, '_headers'),
          formatHeadersFile(
            rules,
            'Response headers for static hosts that read _headers (Netlify, Cloudflare Pages).\n' +
              'Written by the build (src/integrations/security-headers.ts): do not edit by hand.\n' +
              'For nginx or Caddy: npm run headers -- nginx|caddy (docs/deploying.md).',
          ),
        );
        logger.info(
          `${files.length} pages: ${scripts.size} inline scripts and ${styles.size} styles allowed by hash; _headers written`,
        );
      },
    },
  };
}
