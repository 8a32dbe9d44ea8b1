import { useEffect, useEffectEvent, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

interface FocusTrapOptions {
  /** Focused when the trap opens. */
  initialFocus: RefObject<HTMLElement | null>;
  onEscape: () => void;
}

/**
 * Keeps the keyboard in a modal `container` while it is mounted: the rest of <body> is made inert
 * (so neither the pointer nor a screen reader's virtual cursor reach the page behind), focus
 * starts on `initialFocus`, Tab and Shift+Tab wrap around the container's controls, Escape calls
 * `onEscape`, and on unmount focus goes back to where it was.
 *
 * The container must be in the document when effects run (portal hosts attach in a layout effect).
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>, { initialFocus, onEscape }: FocusTrapOptions) {
  // The latest callback without re-running the effect, which would steal focus back to `initialFocus`.
  const escape = useEffectEvent(onEscape);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    // Read before anything goes inert: an inert element can't keep focus.
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Leave alone what was inert already, so closing doesn't wake it.
    const others = Array.from(document.body.children).filter(
      (element) => !element.contains(root) && !element.hasAttribute('inert'),
    );
    others.forEach((element) => element.setAttribute('inert', ''));
    initialFocus.current?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        escape();
      } else if (event.key === 'Tab') {
        wrapTab(event, root);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      others.forEach((element) => element.removeAttribute('inert'));
      // The opener may be gone (the page re-rendered); the app shell's <main> is the next best place.
      const fallback = document.getElementById('main');
      (previouslyFocused?.isConnected ? previouslyFocused : fallback)?.focus({ preventScroll: true });
    };
  }, [container, initialFocus]);
}

/**
 * Moves focus from the last control to the first (Shift+Tab: first to last), and back into the
 * container if it had escaped; between those the browser's own Tab order applies.
 */
function wrapTab(event: KeyboardEvent, root: HTMLElement) {
  const focusable = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !root.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
