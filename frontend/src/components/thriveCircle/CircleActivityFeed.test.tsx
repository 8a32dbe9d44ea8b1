import { render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { makeEvent } from '../../test/fixtures';
import { CircleActivityFeed } from './CircleActivityFeed';

test('lists events in the order given, calling the viewer "You"', () => {
  const events = [
    makeEvent({ id: 'a', username: 'busy_bea', description: 'Entered a Prompt Battle', amount: 25 }),
    makeEvent({ id: 'b', username: 'explorer_eve', description: 'Completed a Quick Quiz', amount: 20 }),
  ];
  render(<CircleActivityFeed events={events} viewerUsername="explorer_eve" />);

  const items = within(screen.getByRole('region', { name: 'Circle activity' })).getAllByRole('listitem');
  expect(items).toHaveLength(2);
  expect(items[0]).toHaveTextContent('busy_bea Entered a Prompt Battle');
  expect(items[0]).toHaveTextContent('+25 XP');
  expect(items[1]).toHaveTextContent('You Completed a Quick Quiz');
});

test('an empty week invites the viewer to go first', () => {
  render(<CircleActivityFeed events={[]} viewerUsername="explorer_eve" />);
  expect(screen.getByText('Quiet so far this week — be the first to earn XP!')).toBeInTheDocument();
  expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
});

test('a refresh adds the new event at the top and leaves the items already shown in place', () => {
  const older = makeEvent({ id: 'a', username: 'busy_bea', description: 'Entered a Prompt Battle' });
  const { rerender } = render(<CircleActivityFeed events={[older]} viewerUsername="explorer_eve" />);
  const shown = screen.getByRole('listitem');

  const newer = makeEvent({ id: 'b', username: 'explorer_eve', description: 'Completed a Quick Quiz', amount: 20 });
  rerender(<CircleActivityFeed events={[newer, older]} viewerUsername="explorer_eve" />);

  const items = screen.getAllByRole('listitem');
  expect(items).toHaveLength(2);
  expect(items[0]).toHaveTextContent('You Completed a Quick Quiz');
  expect(items[0]).toHaveTextContent('+20 XP');
  // The same element, not a new one: only the new event mounts, so only it plays the entrance
  // (which the browser skips under prefers-reduced-motion: e2e/kpis.spec.ts checks that).
  expect(items[1]).toBe(shown);
});

test('a level reached in the circle reads as a feed item above the award that caused it', () => {
  const award = {
    id: 'e1',
    username: 'maya_3',
    avatar_url: null,
    amount: 20,
    source: 'quiz',
    source_display: 'Quiz',
    description: 'Completed a Quick Quiz',
    timestamp: '2026-11-25T10:00:00Z',
    metadata: {},
  };
  const levelUp = {
    id: 7,
    username: 'maya_3',
    avatar_url: null,
    level_name: 'Explorer',
    level_icon: 'faCompass',
    level_order: 2,
    reached_at: '2026-11-25T10:00:00Z',
  };
  render(<CircleActivityFeed events={[award]} levelUps={[levelUp]} viewerUsername="eve" />);
  const items = screen.getAllByRole('listitem');
  expect(items[0]).toHaveTextContent('maya_3 reached Explorer');
  expect(items[1]).toHaveTextContent('maya_3 Completed a Quick Quiz');
});

test('level-ups are merged into the events without reordering them, whatever their clocks say', () => {
  // The API's order is the feed's: two awards a millisecond apart (or from a live update) keep it.
  const first = makeEvent({ id: 'a', username: 'busy_bea', description: 'Entered a Prompt Battle', timestamp: '2026-11-25T10:00:00.001Z' });
  const second = makeEvent({ id: 'b', username: 'maya_3', description: 'Completed a Quick Quiz', timestamp: '2026-11-25T10:00:00.002Z' });
  const third = makeEvent({ id: 'c', username: 'cy', description: 'Created a project', timestamp: '2026-11-25T09:00:00Z' });
  const levelUp = {
    id: 8,
    username: 'maya_3',
    avatar_url: null,
    level_name: 'Explorer',
    level_icon: 'faCompass',
    level_order: 2,
    reached_at: '2026-11-25T09:30:00Z',
  };
  render(<CircleActivityFeed events={[first, second, third]} levelUps={[levelUp]} viewerUsername="eve" />);
  const items = screen.getAllByRole('listitem');
  expect(items.map((item) => item.textContent)).toEqual([
    expect.stringContaining('busy_bea Entered a Prompt Battle'),
    expect.stringContaining('maya_3 Completed a Quick Quiz'),
    expect.stringContaining('maya_3 reached Explorer'),
    expect.stringContaining('cy Created a project'),
  ]);
});
