import type { IncomingMessage, ServerResponse } from 'node:http';

/** An Open311 error array entry: numeric HTTP-like codes, or a field error key. */
export interface ErrorEntry {
  code: number | string;
  description: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(text),
    // Nothing here is for caches: status changes, and the admin export is personal data.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendErrors(
  res: ServerResponse,
  status: number,
  errors: ErrorEntry[],
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, errors, headers);
}

export function sendError(
  res: ServerResponse,
  status: number,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendErrors(res, status, [{ code: status, description }], headers);
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
