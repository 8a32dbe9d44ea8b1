import { describe, expect, test } from 'vitest';
import { placeCard, spotlightBox, type TargetRect } from './tourPlacement';

const SCREEN = { width: 1280, height: 800 };
const CARD = { width: 320, height: 200 };

function rect(left: number, top: number, width: number, height: number): TargetRect {
  return { left, top, width, height, right: left + width, bottom: top + height };
}

describe('placeCard', () => {
  test('below the section when it fits, the caret on its top edge pointing at the section’s middle', () => {
    expect(placeCard(rect(100, 100, 400, 200), CARD, SCREEN)).toEqual({
      card: { top: 318, left: 100 },
      caret: { top: -6, left: 194 },
    });
  });

  test('above the section when there is no room below', () => {
    expect(placeCard(rect(100, 500, 400, 200), CARD, SCREEN)).toEqual({
      card: { top: 282, left: 100 },
      caret: { bottom: -6, left: 194 },
    });
  });

  test('to the right of a section as tall as the screen, the caret kept on the card', () => {
    expect(placeCard(rect(100, 50, 500, 700), CARD, SCREEN)).toEqual({
      card: { top: 50, left: 618 },
      caret: { left: -6, top: 172 },
    });
  });

  test('to the left when the right is too narrow', () => {
    expect(placeCard(rect(700, 50, 560, 700), CARD, SCREEN)).toEqual({
      card: { top: 50, left: 362 },
      caret: { right: -6, top: 172 },
    });
  });

  test('at the bottom right, without a caret, when the section leaves no room around it', () => {
    expect(placeCard(rect(0, 0, 1280, 800), CARD, SCREEN)).toEqual({ card: { bottom: 12, left: 948 } });
  });

  test('stays on screen by the section at the edge, the caret still pointing at it', () => {
    expect(placeCard(rect(1200, 100, 60, 40), CARD, SCREEN)).toEqual({
      card: { top: 158, left: 948 },
      caret: { top: -6, left: 276 },
    });
    expect(placeCard(rect(-20, 100, 60, 40), CARD, SCREEN)).toEqual({
      card: { top: 158, left: 12 },
      caret: { top: -6, left: 16 },
    });
  });

  test('centred at the bottom when the section is not on the page', () => {
    expect(placeCard(null, CARD, SCREEN)).toEqual({ card: { left: 480, bottom: 12 } });
  });

  test('no inline position on phones, where the card is a bottom sheet', () => {
    const phone = { width: 375, height: 812 };
    expect(placeCard(rect(16, 100, 343, 200), CARD, phone)).toEqual({});
    expect(placeCard(null, CARD, phone)).toEqual({});
  });
});

test('the spotlight rings the section with a little room around it', () => {
  expect(spotlightBox(rect(100, 50, 400, 200))).toEqual({ top: 44, left: 94, width: 412, height: 212 });
});
