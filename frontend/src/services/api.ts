// The one HTTP client: same-origin JSON requests with the Django session
// cookie, the CSRF header Django requires on unsafe methods, and the backend's
// error shape `{detail, code, errors?}` turned into an ApiError.

export type FieldErrors = Record<string, string[]>;

interface ErrorBody {
  detail?: unknown;
  code?: unknown;
  errors?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly fieldErrors: FieldErrors;

  constructor(status: number, detail: string, code: string, fieldErrors: FieldErrors = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** DRF answers 403 rather than 401 for session auth without a user. */
  get isUnauthenticated(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return 'Something went wrong. Please try again.';
}

/** The server's messages for one form field, if it rejected that field. */
export function fieldErrorsFor(error: unknown, field: string): string[] | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Django's CSRF token, for requests that cannot carry the X-CSRFToken header (a beacon's form body). */
export function csrfToken(): string | undefined {
  return readCookie('csrftoken');
}

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return entry === undefined ? undefined : decodeURIComponent(entry.slice(prefix.length));
}

type QueryParams = Record<string, string | number | null | undefined>;

interface RequestOptions {
  params?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

function withParams(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

function isFieldErrors(value: unknown): value is FieldErrors {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => Array.isArray(v) && v.every((m) => typeof m === 'string'))
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  // Proxies and crashes can answer with HTML, so the JSON shape is not a given.
  const body: ErrorBody = await response.json().catch(() => ({}));
  const detail =
    typeof body.detail === 'string'
      ? body.detail
      : `Something went wrong (HTTP ${response.status}). Please try again.`;
  const code = typeof body.code === 'string' ? body.code : `http_${response.status}`;
  return new ApiError(response.status, detail, code, isFieldErrors(body.errors) ? body.errors : {});
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    // Read at call time: Django rotates the token when a user signs in.
    const csrfToken = readCookie('csrftoken');
    if (csrfToken) headers['X-CSRFToken'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(withParams(path, options.params), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(
      0,
      "Can't reach Thrive Circles right now. Check your connection and try again.",
      'network_error',
    );
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};
