import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimCounters } from './sim-counters';
import { FaultInjector, type SimFaults } from './sim-faults';
import { SimRateLimiter, type RateDecision, type SimRateLimit } from './sim-rate-limit';

/** A parsed request as route handlers see it. */
export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when there is none or it is not JSON. */
  body: unknown;
  rawBody: string;
}

/** What a handler answers: a JSON-able body (serialised by the vendor) or raw text. */
export interface SimResponse {
  status: number;
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SimRoute {
  method: string;
  /** Express-style pattern, e.g. "/users/:id". */
  pattern: string;
  /** Route parameter that names a user, for per-user counters. */
  userParam?: string;
  handle(req: SimRequest): SimResponse;
}

/** Vendor conventions every route shares: auth, throttle signal, error bodies, serialisation. */
export interface SimVendor {
  /** The rate-limit key (the API key) or the vendor's 401 response. */
  authenticate(req: SimRequest): string | SimResponse;
  throttle(decision: RateDecision, retryAfterSeconds: number | undefined): SimResponse;
  serverError(): SimResponse;
  notFound(req: SimRequest): SimResponse;
  contentType: string;
  serialize?(body: unknown): string;
  /** Headers on every authenticated response (GitHub x-ratelimit-*, Planhat X-Rate-Limit-*). */
  rateHeaders?(decision: RateDecision): Record<string, string>;
}

export interface SimServerOptions {
  vendor: SimVendor;
  routes: SimRoute[];
  rateLimit: SimRateLimit | false;
  faults?: SimFaults;
  seed: number;
  /** 0 (default) = any free port. */
  port?: number;
}

/** A running simulator server. */
export interface SimServer {
  url: string;
  port: number;
  counters: SimCounters;
  /** Change fault injection while running. */
  setFaults(faults: SimFaults): void;
  /** Change or disable the vendor rate limit while running (state restarts). */
  setRateLimit(rateLimit: SimRateLimit | false): void;
  close(): Promise<void>;
}

interface CompiledRoute extends SimRoute {
  regex: RegExp;
  names: string[];
}

function compile(route: SimRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, regex: new RegExp(`^${source}/?$`), names };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts a small vendor simulator on 127.0.0.1 (node:http, no framework). */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const { vendor } = options;
  const routes = options.routes.map(compile);
  const counters = new SimCounters();
  const faults = new FaultInjector(options.faults ?? {}, options.seed);
  let limiter = options.rateLimit ? new SimRateLimiter(options.rateLimit) : undefined;
  const serialize = vendor.serialize ?? ((b: unknown) => JSON.stringify(b));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, Buffer.concat(chunks).toString('utf8'), res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });

  async function handle(req: http.IncomingMessage, rawBody: string, res: http.ServerResponse): Promise<void> {
    const arrivedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const simReq: SimRequest = { method, path: url.pathname, params: {}, query: url.searchParams, headers: req.headers, body, rawBody };
    if (faults.faults.latencyMs) await sleep(faults.faults.latencyMs);

    let route: CompiledRoute | undefined;
    for (const r of routes) {
      const m = r.method === method ? r.regex.exec(url.pathname) : null;
      if (m) {
        route = r;
        r.names.forEach((name, i) => (simReq.params[name] = decodeURIComponent(m[i + 1] ?? '')));
        break;
      }
    }
    const endpoint = route ? `${method} ${route.pattern}` : `${method} (unmatched)`;
    const userId = route?.userParam ? simReq.params[route.userParam] : undefined;

    let response: SimResponse;
    let throttled = false;
    let malformed = false;
    let decision: RateDecision | undefined;
    const auth = vendor.authenticate(simReq);
    if (typeof auth !== 'string') response = auth;
    else {
      decision = limiter?.check(auth);
      const fault = faults.decide();
      if (decision && !decision.allowed) {
        throttled = true;
        response = vendor.throttle(decision, undefined);
      } else if (fault === 'throttle') {
        throttled = true;
        const d = decision ?? { allowed: true, limit: 0, remaining: 0, resetAtMs: Date.now(), used: 0 };
        response = vendor.throttle(d, faults.faults.retryAfterSeconds);
      } else if (fault === 'error') response = vendor.serverError();
      else if (!route) response = vendor.notFound(simReq);
      else {
        malformed = fault === 'malformed';
        try {
          response = route.handle(simReq);
        } catch {
          response = vendor.serverError();
        }
      }
    }

    const headers: Record<string, string> = { ...(decision && vendor.rateHeaders ? vendor.rateHeaders(decision) : {}), ...response.headers };
    let text = response.text ?? (response.body === undefined ? '' : serialize(response.body));
    if (malformed && text.length > 1) text = text.slice(0, Math.floor(text.length / 2));
    if (text) headers['Content-Type'] = response.contentType ?? vendor.contentType;
    headers['Content-Length'] = String(Buffer.byteLength(text));
    counters.record(
      {
        endpoint,
        status: response.status,
        atMs: arrivedAt,
        query: Object.fromEntries(url.searchParams),
        ...(userId !== undefined ? { userId } : {}),
      },
      throttled,
    );
    res.writeHead(response.status, headers);
    res.end(text);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counters,
    setFaults(f) {
      faults.faults = f;
    },
    setRateLimit(rateLimit) {
      limiter = rateLimit ? new SimRateLimiter(rateLimit) : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
