import { useLayoutEffect, useState, type RefObject } from 'react';
import { placeCard, spotlightBox, type CardPlacement } from './tourPlacement';
import { tourTargetSelector, type TourTarget } from './tourSteps';

/**
 * Where the spotlight and the step card go for the step's `target`: scrolls the element into view
 * and follows it on screen. `spotlight` is null while the element is unmeasured or not on the page.
 */
export function useTourPlacement(target: TourTarget, cardRef: RefObject<HTMLElement | null>) {
  const rect = useTargetRect(target);
  const [placement, setPlacement] = useState<CardPlacement>({});

  // The card's size depends on the step's text, so it is measured once the step has rendered.
  useLayoutEffect(() => {
    const card = cardRef.current;
    setPlacement(
      card
        ? placeCard(
            rect,
            { width: card.offsetWidth, height: card.offsetHeight },
            { width: window.innerWidth, height: window.innerHeight },
          )
        : {},
    );
  }, [rect, cardRef]);

  return { spotlight: rect ? spotlightBox(rect) : null, ...placement };
}

/** Scrolls the target into view and follows where it is on screen (null: not on the page). */
function useTargetRect(target: TourTarget): DOMRect | null {
  const [measured, setMeasured] = useState<{ target: TourTarget; rect: DOMRect } | null>(null);

  useLayoutEffect(() => {
    const element = document.querySelector<HTMLElement>(tourTargetSelector(target));
    if (!element) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // A section taller than most of the screen shows its start, where its heading is. Any other
    // scrolls only as far as it must ('nearest'): centring the first step, already on screen, scrolled
    // the page's title away.
    const tall = element.getBoundingClientRect().height > window.innerHeight * 0.6;
    element.scrollIntoView?.({ block: tall ? 'start' : 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });

    // Measured a frame later, and again whenever the page scrolls, resizes or the section changes.
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setMeasured({ target, rect: element.getBoundingClientRect() }));
    };
    measure();
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [target]);

  // A measurement of the previous step's section (or of none) is not this step's.
  return measured?.target === target ? measured.rect : null;
}
