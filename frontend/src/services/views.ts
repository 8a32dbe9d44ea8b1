import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ViewedFeature } from '../types/insights';
import { api, csrfToken } from './api';

/** Counts one view of a feature for the success metrics. */
export function recordView(feature: ViewedFeature): Promise<void> {
  return api.post<void>('/api/v1/me/views/', { feature });
}

/**
 * Reports a view once per mount, when `when` is true. Fire and forget: a failed count must never
 * disturb the page, so errors are dropped (the metric is a little low, nothing more).
 */
export function useRecordView(feature: ViewedFeature, when = true) {
  const { mutate } = useMutation({ mutationFn: recordView, retry: false, onError: () => {} });
  const sent = useRef(false);
  useEffect(() => {
    // The ref also keeps StrictMode's second effect run in development from counting twice.
    if (!when || sent.current) return;
    sent.current = true;
    mutate(feature);
  }, [feature, when, mutate]);
}

export const PAGE_TIME_URL = '/api/v1/me/page-time/';
/** The server refuses a report above this (core/insights/services.py, MAX_SECONDS_PER_REPORT). */
export const MAX_PAGE_TIME_REPORT_SECONDS = 120;

/** Adds visible seconds on Your Thrive Circle to this week's total (JSON, with the CSRF header). */
export function reportPageTime(seconds: number): Promise<unknown> {
  return api.post(PAGE_TIME_URL, { seconds });
}

/**
 * The same report as a beacon, which the browser delivers even while the page is hidden or
 * unloading. A beacon cannot set headers, so Django's CSRF token travels in the form body as
 * `csrfmiddlewaretoken` (Django reads it there). Falls back to an ordinary request where
 * beacons are unavailable or refused.
 */
export function beaconPageTime(seconds: number): void {
  const body = new URLSearchParams({ seconds: String(seconds), csrfmiddlewaretoken: csrfToken() ?? '' });
  const sent = typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(PAGE_TIME_URL, body);
  if (!sent) void reportPageTime(seconds).catch(() => {});
}
