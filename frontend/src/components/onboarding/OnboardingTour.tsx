import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../ui/Button';
import { buttonClass } from '../ui/buttonStyles';
import { TOUR_STEPS, tourTargetSelector, type TourStep, type TourTarget } from './tourSteps';

interface OnboardingTourProps {
  /** Called once, when the tour is finished (`skipped` false) or closed early (`skipped` true). */
  onClose: (skipped: boolean) => void;
  steps?: TourStep[];
}

const GAP = 12; // between the highlighted element and the step card, and to the viewport's edges
const SPOTLIGHT_PADDING = 6;

/**
 * A short guided tour of Your Thrive Circle: a modal dialog that highlights one section at a time.
 * Hand-written (no tour library) to keep the page's bundle small; loaded lazily, once per user.
 *
 * Accessibility: dialog semantics with the step's title and text; the rest of the page is inert
 * while it is open and Tab stays inside; focus starts on "Next" and returns where it was; every
 * step change is announced; Escape skips, the arrow keys step back and forth.
 */
export default function OnboardingTour({ onClose, steps = TOUR_STEPS }: OnboardingTourProps) {
  const [index, setIndex] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [container] = useState(() => document.createElement('div'));
  const dialogRef = useRef<HTMLDivElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  const titleId = useId();
  const bodyId = useId();
  const step = steps[index];
  const isLast = index === steps.length - 1;
  const rect = useTargetRect(step);

  const close = useCallback(
    (skipped: boolean) => {
      if (closed.current) return;
      closed.current = true;
      onClose(skipped);
    },
    [onClose],
  );

  const goTo = useCallback(
    (next: number) => {
      const target = steps[next];
      setIndex(next);
      setAnnouncement(`Step ${next + 1} of ${steps.length}: ${target.title}. ${target.body}`);
    },
    [steps],
  );

  // Mount in <body>, make everything else inert, and give focus back on the way out.
  useEffect(() => {
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.appendChild(container);
    const others = Array.from(document.body.children).filter(
      (element) => element !== container && !element.hasAttribute('inert'),
    );
    others.forEach((element) => element.setAttribute('inert', ''));
    primaryRef.current?.focus();
    return () => {
      others.forEach((element) => element.removeAttribute('inert'));
      container.remove();
      const fallback = document.getElementById('main');
      (previouslyFocused?.isConnected ? previouslyFocused : fallback)?.focus({ preventScroll: true });
    };
  }, [container]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
      } else if (event.key === 'ArrowRight' && !isLast) {
        goTo(index + 1);
      } else if (event.key === 'ArrowLeft' && index > 0) {
        goTo(index - 1);
      } else if (event.key === 'Tab') {
        trapTab(event, dialogRef.current);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [close, goTo, index, isLast]);

  const placement = useCardPlacement(rect, dialogRef);

  return createPortal(
    <>
      {/* Blocks the page under the tour; the spotlight's shadow dims it. */}
      <div aria-hidden="true" className="fixed inset-0 z-40" />
      <div
        aria-hidden="true"
        data-testid="tour-spotlight"
        className={`pointer-events-none fixed z-40 rounded-2xl ring-4 ring-indigo-400 motion-safe:transition-all motion-safe:duration-300 ${
          rect ? '' : 'hidden'
        }`}
        style={
          rect
            ? {
                top: rect.top - SPOTLIGHT_PADDING,
                left: rect.left - SPOTLIGHT_PADDING,
                width: rect.width + SPOTLIGHT_PADDING * 2,
                height: rect.height + SPOTLIGHT_PADDING * 2,
                boxShadow: '0 0 0 9999px rgb(15 23 42 / 0.55)',
              }
            : undefined
        }
      />
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="fixed z-50 rounded-2xl bg-white p-5 shadow-xl ring-1 ring-slate-200 max-sm:inset-x-3 max-sm:bottom-3 sm:w-80"
        style={placement.card}
      >
        {placement.caret && (
          <span
            aria-hidden="true"
            className="absolute size-3 rotate-45 bg-white max-sm:hidden"
            style={placement.caret}
          />
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
            {index > 0 && (
              <Button variant="secondary" onClick={() => goTo(index - 1)}>
                Back
              </Button>
            )}
            <button
              ref={primaryRef}
              type="button"
              className={buttonClass()}
              onClick={() => (isLast ? close(false) : goTo(index + 1))}
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
    container,
  );
}

/** Keeps Tab and Shift+Tab cycling through the dialog's buttons. */
function trapTab(event: KeyboardEvent, dialog: HTMLElement | null) {
  if (!dialog) return;
  const focusable = Array.from(dialog.querySelectorAll<HTMLElement>('button:not([disabled])'));
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Scrolls the step's element into view and follows where it is on screen (null: not on the page). */
function useTargetRect(step: TourStep): DOMRect | null {
  const [measured, setMeasured] = useState<{ target: TourTarget; rect: DOMRect } | null>(null);

  useLayoutEffect(() => {
    const element = document.querySelector<HTMLElement>(tourTargetSelector(step.target));
    if (!element) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const tall = element.getBoundingClientRect().height > window.innerHeight * 0.6;
    element.scrollIntoView?.({ block: tall ? 'start' : 'center', behavior: reduceMotion ? 'auto' : 'smooth' });

    // Measured a frame later, and again whenever the page scrolls, resizes or the section changes.
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setMeasured({ target: step.target, rect: element.getBoundingClientRect() }));
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
  }, [step.target]);

  // A measurement of the previous step's section (or of none) is not this step's.
  return measured?.target === step.target ? measured.rect : null;
}

interface Placement {
  card?: CSSProperties;
  caret?: CSSProperties;
}

/**
 * From the small breakpoint up the card sits next to the highlighted element with a caret pointing
 * at it: below it if it fits, else above, else beside it (right, then left), else at the bottom of
 * the screen. On phones it is a bottom sheet (classes), so no inline position.
 */
function useCardPlacement(rect: DOMRect | null, dialogRef: RefObject<HTMLDivElement | null>): Placement {
  const [placement, setPlacement] = useState<Placement>({});

  useLayoutEffect(() => {
    const card = dialogRef.current;
    if (!card || window.innerWidth < 640) {
      setPlacement({});
      return;
    }
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    if (!rect) {
      setPlacement({ card: { left: (window.innerWidth - width) / 2, bottom: GAP } });
      return;
    }
    const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
    const left = clamp(rect.left, GAP, window.innerWidth - width - GAP);
    const caretLeft = clamp(rect.left + rect.width / 2 - left - 6, 16, width - 28);
    const below = rect.bottom + SPOTLIGHT_PADDING + GAP;
    const above = rect.top - SPOTLIGHT_PADDING - GAP - height;
    const top = clamp(rect.top, GAP, window.innerHeight - height - GAP);
    const caretTop = clamp(rect.top + Math.min(rect.height, window.innerHeight) / 2 - top - 6, 16, height - 28);
    const right = rect.right + SPOTLIGHT_PADDING + GAP;
    const beforeLeft = rect.left - SPOTLIGHT_PADDING - GAP - width;
    if (below + height <= window.innerHeight - GAP) {
      setPlacement({ card: { top: below, left }, caret: { top: -6, left: caretLeft } });
    } else if (above >= GAP) {
      setPlacement({ card: { top: above, left }, caret: { bottom: -6, left: caretLeft } });
    } else if (right + width <= window.innerWidth - GAP) {
      setPlacement({ card: { top, left: right }, caret: { left: -6, top: caretTop } });
    } else if (beforeLeft >= GAP) {
      setPlacement({ card: { top, left: beforeLeft }, caret: { right: -6, top: caretTop } });
    } else {
      setPlacement({ card: { bottom: GAP, left: window.innerWidth - width - GAP } });
    }
  }, [rect, dialogRef]);

  return placement;
}
