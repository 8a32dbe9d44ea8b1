import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from '../../hooks/usePrefersReducedMotion';
import { iconByName } from '../../lib/icons';
import type { Celebration } from '../../types/moments';
import { buttonClass } from '../ui/buttonStyles';

const SPARKS = 14;
const SPARK_COLOURS = ['bg-green-400', 'bg-indigo-500', 'bg-amber-400', 'bg-pink-400', 'bg-sky-400'];

interface LevelUpCelebrationProps {
  celebration: Celebration;
  onClose: () => void;
}

/**
 * The moment a person reaches a new level: a dialog with the level, and sparks flying out of its
 * icon. With "reduce motion" asked for, no animation runs at all (not merely a shorter one): the
 * sparks are started from script only when motion is welcome, so the choice is a behaviour.
 */
export function LevelUpCelebration({ celebration, onClose }: LevelUpCelebrationProps) {
  const reducedMotion = usePrefersReducedMotion();
  const burstRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
  }, []);

  useEffect(() => {
    const burst = burstRef.current;
    if (reducedMotion || !burst || typeof burst.animate !== 'function') return;
    const animations = Array.from(burst.children).map((spark, index) => {
      const angle = (index / SPARKS) * 2 * Math.PI;
      const distance = 90 + (index % 3) * 25;
      return spark.animate(
        [
          { transform: 'translate(0, 0) scale(1)', opacity: 1 },
          {
            transform: `translate(${Math.cos(angle) * distance}px, ${Math.sin(angle) * distance}px) scale(0.4)`,
            opacity: 0,
          },
        ],
        { duration: 1400, easing: 'cubic-bezier(0.2, 0.7, 0.3, 1)', iterations: 2, fill: 'forwards' },
      );
    });
    return () => animations.forEach((animation) => animation.cancel());
  }, [reducedMotion, celebration.id]);

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="level-up-title"
        aria-describedby="level-up-text"
        className="relative w-full max-w-sm rounded-2xl bg-white p-6 text-center shadow-xl"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <div className="relative mx-auto flex size-20 items-center justify-center">
          <div ref={burstRef} aria-hidden="true" className="pointer-events-none absolute inset-0" data-testid="level-up-sparks">
            {/* Without motion the sparks stay hidden behind the icon: nothing moves. */}
            {Array.from({ length: SPARKS }, (_, index) => (
              <span
                key={index}
                className={`absolute top-1/2 left-1/2 -mt-1 -ml-1 size-2 rounded-full opacity-0 ${SPARK_COLOURS[index % SPARK_COLOURS.length]}`}
              />
            ))}
          </div>
          <span className="relative inline-flex size-20 items-center justify-center rounded-full bg-linear-to-br from-green-400 to-indigo-600 text-4xl text-white">
            <FontAwesomeIcon icon={iconByName(celebration.level_icon)} aria-hidden="true" />
          </span>
        </div>
        <h2 id="level-up-title" className="mt-4 text-2xl font-bold text-slate-900">
          You reached {celebration.level_name}!
        </h2>
        <p id="level-up-text" className="mt-2 text-slate-700">
          {celebration.level_description || 'A new level: keep growing with your circle.'} Your circle sees it in their
          feed.
        </p>
        <button ref={closeRef} type="button" className={`${buttonClass()} mt-6 w-full`} onClick={onClose}>
          Keep growing
        </button>
      </div>
    </div>
  );
}
