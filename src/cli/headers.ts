/**
 * `npm run headers -- nginx|caddy [dist]`: the response headers the build wrote to
 * dist/_headers (for Netlify and Cloudflare Pages), printed as an nginx server block or a
 * Caddyfile for hosts that do not read that file. Build first: the policy allows the inline
 * scripts and styles the pages contain, found by the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHeadersFile } from '../domain/security/headers-file.ts';
import { caddyConfig, nginxConfig } from '../domain/security/server-config.ts';

const FORMATS = { nginx: nginxConfig, caddy: caddyConfig } as const;
const [format, dist = 'dist'] = process.argv.slice(2);
const file = join(dist, '_headers');
if (!format || !(format in FORMATS)) {
  console.error('Usage: npm run headers -- nginx|caddy [dist]');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`${file} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const rules = parseHeadersFile(readFileSync(file, 'utf8'));
process.stdout.write(FORMATS[format as keyof typeof FORMATS](rules));
