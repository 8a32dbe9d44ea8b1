import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, expect, test } from 'vitest';
import { makeQuest, makeQuestsPage, NOW } from '../../test/questFixtures';
import { WeeklyQuestsCard } from './WeeklyQuestsCard';

beforeEach(() => window.localStorage.clear());

function renderCard(data = makeQuestsPage()) {
  return render(
    <MemoryRouter>
      <WeeklyQuestsCard data={data} now={NOW} />
    </MemoryRouter>,
  );
}

test("lists this week's quests with their progress and links to the quests page", () => {
  renderCard();
  const card = screen.getByRole('region', { name: "This week's quests" });
  expect(screen.getAllByRole('progressbar')).toHaveLength(4);
  expect(screen.getByRole('progressbar', { name: 'Progress on Grow together' })).toHaveAttribute('aria-valuetext', '40 of 60');
  expect(screen.getByRole('link', { name: /All quests/ })).toHaveAttribute('href', '/play/quests');
  expect(screen.getByRole('article', { name: 'Prompt Week: build something' })).toHaveTextContent('Prompt Week');
  expect(card).toHaveTextContent('Quiz streak: 2 days in a row');
  expect(card).toHaveTextContent('1 more day to +15 XP');
});

test('celebrates a completed quest once, until dismissed', async () => {
  const done = makeQuestsPage({
    quests: [makeQuest({ progress: { current: 1, target: 1 }, completed_at: '2026-11-25T11:00:00Z', xp_awarded: 30 })],
  });
  const { unmount } = renderCard(done);
  expect(screen.getByRole('region', { name: 'Quest complete!' })).toHaveTextContent('Quest complete!Try a Prompt Battle · +30 XP');

  await userEvent.click(screen.getByRole('button', { name: 'Nice!' }));
  expect(screen.queryByRole('region', { name: 'Quest complete!' })).not.toBeInTheDocument();
  unmount();
  renderCard(done);
  expect(screen.queryByRole('region', { name: 'Quest complete!' })).not.toBeInTheDocument();
});

test('says so when there are no quests this week', () => {
  renderCard(makeQuestsPage({ quests: [] }));
  expect(screen.getByText('No quests this week — check back after the reset.')).toBeInTheDocument();
});
