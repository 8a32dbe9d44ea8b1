import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { makeProfile } from '../../test/fixtures';
import { CircleMembers } from './CircleMembers';

const RANK_LABELS = /#\d|\b(1st|2nd|3rd|rank|ranked|leader|top \d)\b/i;

test('keeps the API order, never sorting by XP, and shows no ranks', () => {
  const members = [
    makeProfile({ username: 'low_xp_lee', weekly_xp: 5 }),
    makeProfile({ username: 'high_xp_hal', weekly_xp: 900 }),
    makeProfile({ username: 'mid_xp_mo', weekly_xp: 300 }),
  ];
  render(<CircleMembers members={members} />);

  const names = screen.getAllByRole('listitem').map((item) => item.querySelector('p')?.textContent);
  expect(names).toEqual(['low_xp_lee', 'high_xp_hal', 'mid_xp_mo']);
  expect(document.body.textContent).not.toMatch(RANK_LABELS);
});

test('shows the first few and expands to everyone', async () => {
  const members = Array.from({ length: 12 }, (_, index) => makeProfile({ username: `member_${index}` }));
  render(<CircleMembers members={members} />);
  expect(screen.getAllByRole('listitem')).toHaveLength(8);

  const toggle = screen.getByRole('button', { name: 'Show all 12' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await userEvent.click(toggle);
  expect(screen.getAllByRole('listitem')).toHaveLength(12);
  expect(screen.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
});

test('an empty circle says members will appear', () => {
  render(<CircleMembers members={[]} />);
  expect(screen.getByText(/circle-mates will appear here/)).toBeInTheDocument();
});
