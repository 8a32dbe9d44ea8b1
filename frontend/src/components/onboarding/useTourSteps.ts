import { useEffect, useEffectEvent, useState } from 'react';
import type { TourStep } from './tourSteps';

/**
 * Which of `steps` is showing. The buttons call `next` and `back`; the arrow keys do the same
 * wherever focus is. After each move `announcement` says the new step, for a polite live region:
 * the first step needs none, the dialog's name and description already say it.
 */
export function useTourSteps(steps: TourStep[]) {
  const [index, setIndex] = useState(0);
  const [hasMoved, setHasMoved] = useState(false);
  const step = steps[index];
  const isFirst = index === 0;
  const isLast = index === steps.length - 1;

  const move = (by: 1 | -1) => {
    setIndex(index + by);
    setHasMoved(true);
  };
  const next = () => {
    if (!isLast) move(1);
  };
  const back = () => {
    if (!isFirst) move(-1);
  };

  const onArrowKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') next();
    else if (event.key === 'ArrowLeft') back();
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => onArrowKey(event);
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return {
    index,
    step,
    isFirst,
    isLast,
    next,
    back,
    announcement: hasMoved ? `Step ${index + 1} of ${steps.length}: ${step.title}. ${step.body}` : '',
  };
}
