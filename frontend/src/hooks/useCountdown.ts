import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Milliseconds left until `endsAt` (epoch ms on this browser's clock), ticking
 * every second and never below zero. `onElapsed` runs once each time the
 * countdown reaches zero; a later `endsAt` re-arms it.
 */
export function useCountdown(endsAt: number, onElapsed?: () => void): number {
  const [now, setNow] = useState(Date.now);
  const remaining = Math.max(0, endsAt - now);
  const hasElapsed = remaining === 0;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const notifyElapsed = useEffectEvent(() => onElapsed?.());
  useEffect(() => {
    if (hasElapsed) notifyElapsed();
  }, [hasElapsed]);

  return remaining;
}
