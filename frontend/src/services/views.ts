import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ViewedFeature } from '../types/insights';
import { api } from './api';

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
