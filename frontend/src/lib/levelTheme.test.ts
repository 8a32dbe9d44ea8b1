import { faCircle, faCompass, faWandMagicSparkles } from '@fortawesome/free-solid-svg-icons';
import { expect, test } from 'vitest';
import { LEVELS } from '../test/fixtures';
import { iconByName } from './icons';
import { levelGradient } from './levelTheme';

test('every plan level gets its own literal gradient classes', () => {
  expect(levelGradient(LEVELS[0])).toBe('bg-linear-to-br from-green-400 to-green-600');
  for (const level of LEVELS) {
    expect(levelGradient(level)).toContain(`from-${level.color_from}`);
    expect(levelGradient(level)).toContain(`to-${level.color_to}`);
  }
});

test('unknown colours fall back to a neutral gradient', () => {
  expect(levelGradient({ color_from: 'pink-300', color_to: 'pink-700' }, 'horizontal')).toBe(
    'bg-linear-to-r from-slate-400 to-slate-600',
  );
});

test('maps plan icon names to free solid icons, with a fallback', () => {
  expect(iconByName('faCompass')).toBe(faCompass);
  expect(iconByName('faWand')).toBe(faWandMagicSparkles);
  expect(iconByName('faDoesNotExist')).toBe(faCircle);
});
