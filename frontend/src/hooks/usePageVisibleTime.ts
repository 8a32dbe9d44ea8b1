import { useEffect } from 'react';
import { beaconPageTime, MAX_PAGE_TIME_REPORT_SECONDS, reportPageTime } from '../services/views';

/** While the page stays visible it reports every minute, so one report stays under the server's cap. */
export const PAGE_TIME_REPORT_EVERY_MS = 60_000;

/**
 * Measures how long the page is visible (Page Visibility API) and reports it for the success
 * metrics: every minute while visible, and by beacon when the page is hidden, closed or left.
 * Hidden time is never counted. A gap longer than the cap (a machine asleep with the tab open)
 * counts as the cap. Fire and forget: a lost report only makes the metric a little low.
 */
export function usePageVisibleTime(enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    let visibleSince: number | null = document.visibilityState === 'visible' ? Date.now() : null;
    let pendingMs = 0;

    const collect = () => {
      if (visibleSince === null) return;
      const now = Date.now();
      pendingMs += Math.max(0, now - visibleSince);
      visibleSince = now;
    };
    const flush = (send: (seconds: number) => void) => {
      collect();
      const whole = Math.floor(pendingMs / 1000);
      if (whole < 1) return;
      const seconds = Math.min(whole, MAX_PAGE_TIME_REPORT_SECONDS);
      pendingMs = whole > seconds ? 0 : pendingMs - seconds * 1000; // keep only a fraction of a second
      send(seconds);
    };
    const sendNow = (seconds: number) => void reportPageTime(seconds).catch(() => {});

    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') {
        flush(beaconPageTime);
        visibleSince = null;
      } else if (visibleSince === null) {
        visibleSince = Date.now();
      }
    };
    const onPageHide = () => flush(beaconPageTime);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') flush(sendNow);
    }, PAGE_TIME_REPORT_EVERY_MS);

    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      // Leaving the page inside the app (or the tab closing) reports what is left.
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('pagehide', onPageHide);
      flush(beaconPageTime);
    };
  }, [enabled]);
}
