import type { CSSProperties } from 'react';

/** The part of a `DOMRect` the placement reads, so it can be computed (and tested) from plain numbers. */
export type TargetRect = Pick<DOMRectReadOnly, 'top' | 'right' | 'bottom' | 'left' | 'width' | 'height'>;

export interface Size {
  width: number;
  height: number;
}

export interface CardPlacement {
  card?: CSSProperties;
  caret?: CSSProperties;
}

const GAP = 12; // between the highlighted element and the step card, and to the viewport's edges
const SPOTLIGHT_PADDING = 6;
/** Tailwind's `sm`: below it the card is a bottom sheet laid out by its classes. */
const SMALL_BREAKPOINT = 640;
/** The caret is a 12px square turned 45°, so half of it sticks out of the card's edge. */
const CARET_SIZE = 12;
const CARET_OFFSET = -CARET_SIZE / 2;
/** Keeps the caret off the card's rounded corners. */
const CARET_INSET = 16;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** The ring around the step's element: a little larger, so it doesn't sit on the element's own border. */
export function spotlightBox(target: TargetRect): Pick<CSSProperties, 'top' | 'left' | 'width' | 'height'> {
  return {
    top: target.top - SPOTLIGHT_PADDING,
    left: target.left - SPOTLIGHT_PADDING,
    width: target.width + SPOTLIGHT_PADDING * 2,
    height: target.height + SPOTLIGHT_PADDING * 2,
  };
}

/**
 * From the small breakpoint up the card sits next to the highlighted element with a caret pointing
 * at it: below it if it fits, else above, else beside it (right, then left), else at the bottom of
 * the screen; with no element (a section missing from the page) it is centred at the bottom. On
 * phones it is a bottom sheet (classes), so no inline position.
 */
export function placeCard(target: TargetRect | null, card: Size, viewport: Size): CardPlacement {
  if (viewport.width < SMALL_BREAKPOINT) return {};
  if (!target) return { card: { left: (viewport.width - card.width) / 2, bottom: GAP } };

  const left = clamp(target.left, GAP, viewport.width - card.width - GAP);
  const caretLeft = clamp(
    target.left + target.width / 2 - left + CARET_OFFSET,
    CARET_INSET,
    card.width - CARET_INSET - CARET_SIZE,
  );
  const top = clamp(target.top, GAP, viewport.height - card.height - GAP);
  // Beside a section taller than the screen, point at the middle of a screenful, not off screen.
  const caretTop = clamp(
    target.top + Math.min(target.height, viewport.height) / 2 - top + CARET_OFFSET,
    CARET_INSET,
    card.height - CARET_INSET - CARET_SIZE,
  );

  const below = target.bottom + SPOTLIGHT_PADDING + GAP;
  const above = target.top - SPOTLIGHT_PADDING - GAP - card.height;
  const toTheRight = target.right + SPOTLIGHT_PADDING + GAP;
  const toTheLeft = target.left - SPOTLIGHT_PADDING - GAP - card.width;
  if (below + card.height <= viewport.height - GAP) {
    return { card: { top: below, left }, caret: { top: CARET_OFFSET, left: caretLeft } };
  }
  if (above >= GAP) {
    return { card: { top: above, left }, caret: { bottom: CARET_OFFSET, left: caretLeft } };
  }
  if (toTheRight + card.width <= viewport.width - GAP) {
    return { card: { top, left: toTheRight }, caret: { left: CARET_OFFSET, top: caretTop } };
  }
  if (toTheLeft >= GAP) {
    return { card: { top, left: toTheLeft }, caret: { right: CARET_OFFSET, top: caretTop } };
  }
  return { card: { bottom: GAP, left: viewport.width - card.width - GAP } };
}
