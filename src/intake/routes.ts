import {
  adminRequests,
  corsHeaders,
  definition,
  discovery,
  jurisdictionAccepted,
  preflight,
  requestStatus,
  requestsQuery,
  services,
  submit,
  tokenStatus,
  type AppContext,
  type Call,
} from './app.ts';
import { formatOf, sendError, type Format } from './http.ts';

export const BASE_PATH = '/open311/v2';
/** Discovery sits above the versioned endpoint: it is where a client learns which one to use. */
export const DISCOVERY_PATH = '/open311/discovery';

type Handler = (ctx: AppContext, call: Call) => unknown;

/**
 * A matched route: its label for the access log (the pattern, never an id or a token), the
 * format its answers and errors are written in, and its handler.
 */
export interface Route {
  label: string;
  format: Format;
  handle: Handler;
}

/**
 * A public GET (HEAD too); preflights answered. `jurisdiction_id` in the query is checked as
 * the POST's is (see jurisdictionAccepted), except on discovery, which lists no jurisdiction.
 */
function get(label: string, format: Format, handle: Handler, jurisdiction = true): Route {
  return {
    label,
    format,
    handle: (ctx, call) => {
      const { req, res, url } = call;
      if (req.method === 'OPTIONS') return preflight(ctx, call);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendError(res, format, 405, 'Use GET', { Allow: 'GET, OPTIONS' });
      }
      if (jurisdiction && !jurisdictionAccepted(ctx, url.searchParams.get('jurisdiction_id'))) {
        return sendError(res, format, 404, 'Unknown jurisdiction_id', corsHeaders(ctx, req));
      }
      return handle(ctx, call);
    },
  };
}

/** `requests.{format}`: POST files a request, GET looks requests up by id. */
function requests(label: string, format: Format): Route {
  const lookUp = get(label, format, requestsQuery);
  return {
    label,
    format,
    handle: (ctx, call) => {
      if (call.req.method === 'POST') return submit(ctx, call);
      if (call.req.method === 'GET' || call.req.method === 'OPTIONS') {
        return lookUp.handle(ctx, call);
      }
      return sendError(call.res, format, 405, 'Use GET or POST', { Allow: 'GET, POST, OPTIONS' });
    },
  };
}

const admin: Route = {
  label: '/admin/requests.json',
  format: 'json',
  handle: (ctx, call) => {
    if (call.req.method !== 'GET' && call.req.method !== 'HEAD') {
      return sendError(call.res, 'json', 405, 'Use GET', { Allow: 'GET' });
    }
    return adminRequests(ctx, call);
  },
};

function notFound(format: Format): Route {
  return {
    label: 'unknown',
    format,
    handle: (_ctx, { res }) => sendError(res, format, 404, 'Not found'),
  };
}

/**
 * The route for a path. The format is the path's suffix (`.json` or `.xml`); any other
 * suffix is not found, as before XML was served.
 */
export function route(url: URL): Route {
  const path = url.pathname;
  if (path === admin.label) return admin;
  const format = formatOf(path);
  if (format === null) return notFound('json');
  if (path === `${DISCOVERY_PATH}.${format}`) return get(path, format, discovery, false);
  if (!path.startsWith(`${BASE_PATH}/`)) return notFound(format);
  const rest = path.slice(BASE_PATH.length + 1, -`.${format}`.length);
  if (rest === 'services') return get(path, format, services);
  if (rest === 'requests') return requests(path, format);
  const match = /^(services|requests|request|tokens)\/([^/]+)$/.exec(rest);
  if (!match) return notFound(format);
  const [, kind, encoded] = match;
  let value: string;
  try {
    value = decodeURIComponent(encoded!);
  } catch {
    return notFound(format);
  }
  const name = kind === 'services' ? 'code' : kind === 'tokens' ? 'token' : 'id';
  const label = `${BASE_PATH}/${kind}/:${name}.${format}`;
  if (kind === 'services') return get(label, format, (c, call) => definition(c, call, value));
  if (kind === 'tokens') return get(label, format, (c, call) => tokenStatus(c, call, value));
  return get(label, format, (c, call) => requestStatus(c, call, value));
}
