import { expect, test } from 'vitest';
import { callsTo, json, mockApi } from '../test/mockApi';
import { api, ApiError } from './api';

const headersOf = (init: RequestInit | undefined) => (init?.headers ?? {}) as Record<string, string>;

test('sends the CSRF cookie as X-CSRFToken on POST, with the session cookie', async () => {
  document.cookie = 'csrftoken=abc123';
  const fetchMock = mockApi({ 'POST /api/v1/thing/': () => json({ ok: true }) });

  await expect(api.post('/api/v1/thing/', { a: 1 })).resolves.toEqual({ ok: true });

  const [, init] = callsTo(fetchMock, 'POST', '/api/v1/thing/')[0];
  expect(init?.credentials).toBe('same-origin');
  expect(headersOf(init)['X-CSRFToken']).toBe('abc123');
  expect(init?.body).toBe('{"a":1}');
});

test('does not send the CSRF header on GET and drops empty query params', async () => {
  document.cookie = 'csrftoken=abc123';
  const fetchMock = mockApi({ 'GET /api/v1/thing/': () => json({}) });

  await api.get('/api/v1/thing/', { params: { limit: 50, cursor: null } });

  const [input, init] = fetchMock.mock.calls[0];
  expect(String(input)).toBe('/api/v1/thing/?limit=50');
  expect(headersOf(init)['X-CSRFToken']).toBeUndefined();
});

test('turns the error shape into an ApiError with status, detail, code and field errors', async () => {
  mockApi({
    'POST /api/v1/thing/': () =>
      json({ detail: 'Invalid input.', code: 'invalid', errors: { prompt: ['Too short.'] } }, 400),
  });

  const error = await api.post('/api/v1/thing/').catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 400, detail: 'Invalid input.', code: 'invalid' });
  expect((error as ApiError).fieldErrors).toEqual({ prompt: ['Too short.'] });
});

test('survives an error body that is not JSON', async () => {
  mockApi({ 'GET /api/v1/thing/': () => new Response('<h1>Server Error</h1>', { status: 500 }) });

  await expect(api.get('/api/v1/thing/')).rejects.toMatchObject({ status: 500, code: 'http_500' });
});

test('reports an unreachable server as a network error', async () => {
  mockApi({
    'GET /api/v1/thing/': () => {
      throw new TypeError('Failed to fetch');
    },
  });

  await expect(api.get('/api/v1/thing/')).rejects.toMatchObject({ status: 0, code: 'network_error' });
});

test('returns nothing for 204 No Content', async () => {
  mockApi({ 'POST /api/v1/auth/logout/': () => new Response(null, { status: 204 }) });
  await expect(api.post('/api/v1/auth/logout/')).resolves.toBeUndefined();
});
