import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRecordView } from '../../services/views';
import type { ViewedFeature } from '../../types/insights';

/**
 * Counts a view of `feature` once a fifth of its content has been on screen, e.g. the circle
 * feed far down the page on a phone (a fifth, so a feed taller than the screen counts too). Without
 * IntersectionObserver (old browsers, jsdom) the view counts when the content mounts.
 */
export function ViewedWhenVisible({ feature, children }: { feature: ViewedFeature; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useRecordView(feature, seen);

  useEffect(() => {
    const element = ref.current;
    if (seen || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { threshold: [0.2] },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);

  return <div ref={ref}>{children}</div>;
}
