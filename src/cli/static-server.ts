/**
 * The built site served as a static host serves it, headers included, for `npm start`, the
 * browser tests and Lighthouse: `node src/cli/static-server.ts [dist] [--port 4321] [--host
 * 127.0.0.1]`.
 * - a file as itself, with its type; a folder as its index.html;
 * - a folder asked for without its final slash redirected to it (301), query kept;
 * - anything else: 404.html, status 404;
 * - every answer with the headers dist/_headers gives its path, combined as Netlify and
 *   Cloudflare Pages combine them (src/domain/security/headers-file.ts).
 * Files are served by sirv (types, ETags, ranges, no path escapes the folder).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { headersForPath, parseHeadersFile } from '../domain/security/headers-file.ts';
import type { HeaderRule } from '../domain/security/policy.ts';

export interface StaticServerOptions {
  dist: string;
  port: number;
  host: string;
}

export async function startStaticServer(options: StaticServerOptions): Promise<Server> {
  const dist = resolve(options.dist);
  const headersFile = join(dist, '_headers');
  const rules: HeaderRule[] = existsSync(headersFile)
    ? parseHeadersFile(readFileSync(headersFile, 'utf8'))
    : [];
  const applyHeaders = (res: ServerResponse, path: string) => {
    for (const { name, value } of headersForPath(rules, path)) res.setHeader(name, value);
  };
  const notFoundPage = join(dist, '404.html');
  // `dev` reads the folder on each request, so a rebuild is served without a restart.
  const files = sirv(dist, {
    dev: true,
    etag: true,
    // A folder's index.html (and, as the hosts do, /about.html for /about).
    extensions: ['html'],
    // The hosts do not serve their own _headers file.
    ignores: false,
    setHeaders: applyHeaders,
  });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound(res, url.pathname);
    }
    if (path === '/_headers') return notFound(res, path);
    const folder = join(dist, path);
    if (!path.endsWith('/') && folder.startsWith(dist) && isFolder(folder)) {
      applyHeaders(res, path);
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      return res.end();
    }
    files(req, res, () => notFound(res, path));
  });

  function notFound(res: ServerResponse, path: string): void {
    applyHeaders(res, path);
    const page = existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found';
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  }

  await new Promise<void>((done) => server.listen(options.port, options.host, done));
  return server;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: 'localhost' },
    },
  });
  const dist = positionals[0] ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${dist}/ has no built site: run \`npm run build\` first.`);
    process.exit(1);
  }
  const port = Number(values.port);
  await startStaticServer({ dist, port, host: values.host });
  console.log(`The built site (${dist}/) with its _headers: http://${values.host}:${port}/`);
}
