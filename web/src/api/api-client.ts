// Request and response types come from the server's schemas (`@rolecall/server/api`) as types
// only, so web declares none by hand and bundles no server code.
import type { Problem } from '@rolecall/server/api';

/** One complaint about one input, shaped like a zod issue (`details.issues` of a 400). */
export type ProblemIssue = { path: (string | number)[]; message: string };

/** A failed API call: `message` is the server's own sentence, fit to show the user as is. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(problem: Problem) {
    super(problem.message);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.details = problem.details;
  }

  /** Issues by dotted path (`fields.apiKey`, `name`), from `details.issues` or `details.field`. */
  fieldErrors(): Record<string, string> {
    const details = this.details as { issues?: ProblemIssue[]; field?: string } | undefined;
    const errors: Record<string, string> = {};
    for (const issue of details?.issues ?? []) {
      const key = issue.path.join('.');
      if (key && !errors[key]) errors[key] = issue.message;
    }
    if (details?.field && !errors[details.field]) errors[details.field] = this.message;
    return errors;
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).message === 'string'
  );
}

/** The session's CSRF token, from the readable cookie the server set at sign-in. */
function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)rolecall_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** Where a 401 sends the browser: the sign-in page, which comes back here afterwards. */
export function signInUrl(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return here.startsWith('/sign-in') ? here : `/sign-in${toQuery({ next: here === '/' ? undefined : here })}`;
}

type QueryValue = string | number | undefined | null;

/** `?a=1&b=x` from the defined, non-empty values; '' when there are none. */
export function toQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls the JSON API under /api. Resolves with the parsed body (undefined for 204) and rejects
 * with an ApiError carrying the problem's message, or a plain Error when no problem came back.
 * Writes carry the CSRF header; a 401 (session ended) sends the browser to the sign-in page,
 * except for sign-in itself, whose 401 is a wrong password to show.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    signal: options.signal,
    headers: {
      Accept: 'application/json',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken() ?? '' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401 && path !== '/auth/login') window.location.assign(signInUrl());
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  if (isProblem(body)) throw new ApiError(body);
  throw new Error(`${method} /api${path} answered HTTP ${response.status}; is the Rolecall server running?`);
}

/** The text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
