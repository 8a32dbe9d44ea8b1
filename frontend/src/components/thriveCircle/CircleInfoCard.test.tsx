import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { makeCircle } from '../../test/fixtures';
import { CircleInfoCard } from './CircleInfoCard';

const common = {
  weekStart: '2025-11-24',
  weekEnd: '2025-11-30',
  resetAt: Date.now() + 86_400_000,
  onResetElapsed: () => {},
};

test('an active circle shows its name, size and week', () => {
  render(<CircleInfoCard circle={makeCircle()} status="active" {...common} />);

  expect(screen.getByRole('heading', { name: "This week's circle" })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Explorer Circle A' })).toBeInTheDocument();
  expect(screen.getByText(/24 members · Nov 17 – Nov 23/)).toBeInTheDocument();
  expect(screen.getByRole('timer')).toBeInTheDocument();
  expect(screen.queryByText('Ended')).not.toBeInTheDocument();
});

test("an ended week is marked as ended and says new circles are forming", () => {
  render(<CircleInfoCard circle={makeCircle()} status="ended" {...common} />);

  expect(screen.getByRole('heading', { name: "Last week's circle" })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: /Explorer Circle A/ })).toHaveTextContent('Ended');
  expect(screen.getByText('New circles are forming.')).toBeInTheDocument();
});

test('without a circle it says the circle is forming', () => {
  render(<CircleInfoCard circle={null} status="forming" {...common} />);

  expect(screen.getByRole('heading', { name: 'Your circle is forming' })).toBeInTheDocument();
  expect(screen.getByText(/Nov 24 – Nov 30/)).toBeInTheDocument();
});
