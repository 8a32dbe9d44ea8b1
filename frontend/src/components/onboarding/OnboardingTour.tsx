import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../ui/Button';
import { buttonClass } from '../ui/buttonStyles';
import { TOUR_STEPS, type TourStep } from './tourSteps';
import { useFocusTrap } from './useFocusTrap';
import { usePortalHost } from './usePortalHost';
import { useTourPlacement } from './useTourPlacement';
import { useTourSteps } from './useTourSteps';

interface OnboardingTourProps {
  /** Called once, when the tour is finished (`skipped` false) or closed early (`skipped` true). */
  onClose: (skipped: boolean) => void;
  steps?: TourStep[];
}

/**
 * A short guided tour of Your Thrive Circle: a modal dialog that highlights one section at a time.
 * Hand-written (no tour library) to keep the page's bundle small; loaded lazily, once per user
 * (the page asks `useOnboarding` whether it is due and tells it when it was seen).
 *
 * Accessibility: dialog semantics with the step's title and text; the rest of the page is inert
 * while it is open and Tab stays inside; focus starts on "Next" and returns where it was; every
 * step change is announced; Escape skips, the arrow keys step back and forth.
 */
export default function OnboardingTour({ onClose, steps = TOUR_STEPS }: OnboardingTourProps) {
  // First: the card must be in the document before it is measured and focused.
  const host = usePortalHost();
  const dialogRef = useRef<HTMLDivElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const { index, step, isFirst, isLast, next, back, announcement } = useTourSteps(steps);

  // Escape, then a click before the page unmounts the tour, must not report twice.
  const closed = useRef(false);
  const close = (skipped: boolean) => {
    if (closed.current) return;
    closed.current = true;
    onClose(skipped);
  };

  useFocusTrap(dialogRef, { initialFocus: primaryRef, onEscape: () => close(true) });
  const { spotlight, card, caret } = useTourPlacement(step.target, dialogRef);

  return createPortal(
    <>
      {/* Blocks the page under the tour; the spotlight's shadow dims it. */}
      <div aria-hidden="true" className="fixed inset-0 z-40" />
      <div
        aria-hidden="true"
        data-testid="tour-spotlight"
        className={`pointer-events-none fixed z-40 rounded-2xl ring-4 ring-indigo-400 motion-safe:transition-all motion-safe:duration-300 ${
          spotlight ? '' : 'hidden'
        }`}
        style={spotlight ? { ...spotlight, boxShadow: '0 0 0 9999px rgb(15 23 42 / 0.55)' } : undefined}
      />
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="fixed z-50 rounded-2xl bg-white p-5 shadow-xl ring-1 ring-slate-200 max-sm:inset-x-3 max-sm:bottom-3 sm:w-80"
        style={card}
      >
        {caret && (
          <span aria-hidden="true" className="absolute size-3 rotate-45 bg-white max-sm:hidden" style={caret} />
        )}
        <p className="text-xs font-semibold tracking-wide text-indigo-700 uppercase">
          Step {index + 1} of {steps.length}
        </p>
        <h2 id={titleId} className="mt-1 text-lg font-semibold text-slate-900">
          {step.title}
        </h2>
        <p id={bodyId} className="mt-2 text-slate-700">
          {step.body}
        </p>
        <div className="mt-3 flex gap-1.5" aria-hidden="true">
          {steps.map((item, dot) => (
            <span
              key={item.target}
              className={`h-1.5 flex-1 rounded-full ${dot <= index ? 'bg-indigo-600' : 'bg-slate-200'}`}
            />
          ))}
        </div>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
          <Button variant="quiet" onClick={() => close(true)}>
            Skip tour
          </Button>
          <div className="flex gap-2">
            {!isFirst && (
              <Button variant="secondary" onClick={back}>
                Back
              </Button>
            )}
            <button
              ref={primaryRef}
              type="button"
              className={buttonClass()}
              onClick={() => (isLast ? close(false) : next())}
            >
              {isLast ? 'Finish' : 'Next'}
            </button>
          </div>
        </div>
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </div>
    </>,
    host,
  );
}
