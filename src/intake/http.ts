import type { IncomingMessage, ServerResponse } from 'node:http';
import { toXml, type XmlDocument } from './xml.ts';
import { intakeSecurityHeaders } from '../domain/security/policy.ts';

/** Sent with every answer, the preflight's too (src/domain/security/policy.ts says why). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  intakeSecurityHeaders().map(({ name, value }) => [name, value]),
);

/** An Open311 error array entry: numeric HTTP-like codes, or a field error key. */
export interface ErrorEntry {
  code: number | string;
  description: string;
}

/** The answer's format, from the path's suffix: GeoReport v2 requires XML, JSON is optional. */
export type Format = 'json' | 'xml';

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The format a path asks for: `.xml` or `.json` at its end, or null for anything else. */
export function formatOf(path: string): Format | null {
  const match = /\.(json|xml)$/.exec(path);
  return match ? (match[1] as Format) : null;
}

function write(
  res: ServerResponse,
  status: number,
  format: Format,
  text: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Length': Buffer.byteLength(text),
    // Nothing here is for caches: status changes, and the admin export is personal data.
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end(text);
}

/** An Open311 answer: `body` is the JSON; in XML it is written as the document `root`. */
export function send(
  res: ServerResponse,
  format: Format,
  status: number,
  root: XmlDocument,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  write(res, status, format, format === 'xml' ? toXml(root, body) : JSON.stringify(body), headers);
}

/** JSON only: the specialists' export, which is not Open311. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  write(res, status, 'json', JSON.stringify(body), headers);
}

export function sendErrors(
  res: ServerResponse,
  format: Format,
  status: number,
  errors: ErrorEntry[],
  headers: Record<string, string> = {},
): void {
  send(res, format, status, 'errors', errors, headers);
}

export function sendError(
  res: ServerResponse,
  format: Format,
  status: number,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendErrors(res, format, status, [{ code: status, description }], headers);
}

export class BodyTooLarge extends Error {}

/**
 * The request body, at most `limit` bytes. A declared Content-Length over the limit is refused
 * before anything is read; a body that grows past it is cut off.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** The connecting address: this server is meant for loopback or behind nothing it must trust. */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
