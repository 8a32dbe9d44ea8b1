import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { CREATOR, EXPLORER, LUMINARY } from '../../test/fixtures';
import { LevelProgressCard } from './LevelProgressCard';

test('shows progress to the next level as an accessible bar', () => {
  render(<LevelProgressCard currentLevel={EXPLORER} nextLevel={CREATOR} totalXp={820} xpToNextLevel={680} />);

  const bar = screen.getByRole('progressbar', { name: 'Progress to Creator' });
  expect(bar).toHaveAttribute('aria-valuemin', '500');
  expect(bar).toHaveAttribute('aria-valuemax', '1500');
  expect(bar).toHaveAttribute('aria-valuenow', '820');
  expect(screen.getByText('680 XP to Creator')).toBeInTheDocument();
});

test('fills the bar within the current level band', () => {
  render(<LevelProgressCard currentLevel={EXPLORER} nextLevel={CREATOR} totalXp={1000} xpToNextLevel={500} />);
  const fill = screen.getByRole('progressbar').firstElementChild as HTMLElement;
  expect(fill.style.width).toBe('50%');
});

test('celebrates the top level instead of showing a bar', () => {
  render(<LevelProgressCard currentLevel={LUMINARY} nextLevel={null} totalXp={9000} xpToNextLevel={0} />);

  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { name: "You're a Luminary!" })).toBeInTheDocument();
  expect(screen.getByText(/highest level in Thrive Circles/)).toBeInTheDocument();
});
