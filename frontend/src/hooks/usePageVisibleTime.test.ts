import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { callsTo, mockApi } from '../test/mockApi';
import { PAGE_TIME_REPORT_EVERY_MS, usePageVisibleTime } from './usePageVisibleTime';

const URL = '/api/v1/me/page-time/';
let visibility: DocumentVisibilityState = 'visible';
let sendBeacon: ReturnType<typeof vi.fn>;
let fetchMock: ReturnType<typeof mockApi>;

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** The seconds of each beacon sent so far, after checking it carries the CSRF token. */
function beacons(): number[] {
  return sendBeacon.mock.calls.map(([url, body]) => {
    expect(url).toBe(URL);
    expect((body as URLSearchParams).get('csrfmiddlewaretoken')).toBe('tok3n');
    return Number((body as URLSearchParams).get('seconds'));
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  sendBeacon = vi.fn(() => true);
  Object.defineProperty(navigator, 'sendBeacon', { value: sendBeacon, configurable: true });
  document.cookie = 'csrftoken=tok3n';
  fetchMock = mockApi({ [`POST ${URL}`]: () => new Response('{"week_start":"2026-11-23","seconds":1}') });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test('reports the visible time by beacon when the page is hidden', () => {
  renderHook(() => usePageVisibleTime());
  act(() => vi.advanceTimersByTime(42_300));
  act(() => setVisibility('hidden'));
  expect(beacons()).toEqual([42]);
});

test('time while hidden is not counted', () => {
  renderHook(() => usePageVisibleTime());
  act(() => vi.advanceTimersByTime(10_000));
  act(() => setVisibility('hidden'));
  act(() => vi.advanceTimersByTime(5 * 60_000));
  act(() => setVisibility('visible'));
  act(() => vi.advanceTimersByTime(20_000));
  act(() => setVisibility('hidden'));
  expect(beacons()).toEqual([10, 20]);
  expect(callsTo(fetchMock, 'POST', URL)).toHaveLength(0); // nothing was sent while hidden
});

test('a page left open reports every minute while visible', () => {
  renderHook(() => usePageVisibleTime());
  act(() => vi.advanceTimersByTime(3 * PAGE_TIME_REPORT_EVERY_MS));
  const bodies = callsTo(fetchMock, 'POST', URL).map(([, init]) => JSON.parse(String(init?.body)));
  expect(bodies).toEqual([{ seconds: 60 }, { seconds: 60 }, { seconds: 60 }]);
  expect(sendBeacon).not.toHaveBeenCalled();
});

test('leaving the page within the app reports what is left, and less than a second sends nothing', () => {
  const first = renderHook(() => usePageVisibleTime());
  act(() => vi.advanceTimersByTime(700));
  first.unmount();
  expect(sendBeacon).not.toHaveBeenCalled();

  const second = renderHook(() => usePageVisibleTime());
  act(() => vi.advanceTimersByTime(15_000));
  second.unmount();
  act(() => setVisibility('hidden')); // listeners are gone: no second report
  expect(beacons()).toEqual([15]);
});

test('a long gap without timers (a sleeping machine) counts at most the cap', () => {
  renderHook(() => usePageVisibleTime());
  vi.setSystemTime(Date.now() + 8 * 3600_000); // the clock jumps; no interval ran
  act(() => setVisibility('hidden'));
  expect(beacons()).toEqual([120]);
});

test('falls back to an ordinary request when the browser refuses the beacon', () => {
  sendBeacon.mockReturnValue(false);
  renderHook(() => usePageVisibleTime());
  act(() => vi.advanceTimersByTime(30_000));
  act(() => setVisibility('hidden'));
  const calls = callsTo(fetchMock, 'POST', URL);
  expect(calls.map(([, init]) => JSON.parse(String(init?.body)))).toEqual([{ seconds: 30 }]);
});

test('does nothing when disabled', () => {
  renderHook(() => usePageVisibleTime(false));
  act(() => vi.advanceTimersByTime(2 * PAGE_TIME_REPORT_EVERY_MS));
  act(() => setVisibility('hidden'));
  expect(sendBeacon).not.toHaveBeenCalled();
  expect(callsTo(fetchMock, 'POST', URL)).toHaveLength(0);
});
