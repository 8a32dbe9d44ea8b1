import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { makeHunt, makeQuestsPage } from '../../test/questFixtures';
import { renderWithProviders } from '../../test/render';
import type { QuestsPage as QuestsData } from '../../types/quests';
import QuestsPage from './QuestsPage';

const QUESTS = '/api/v1/me/quests/';
const ANSWER = '/api/v1/me/quests/5/steps/2/answer/';

beforeEach(() => window.localStorage.clear());

test('groups the quests by kind with the theme and the quiz streak', async () => {
  mockApi({ [`GET ${QUESTS}`]: () => json(makeQuestsPage()) });
  renderWithProviders(<QuestsPage />);

  expect(await screen.findByText('This week: Prompt Week')).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'Weekly challenge' })).toHaveTextContent('Grow together');
  expect(screen.getByRole('region', { name: 'Side quests' })).toHaveTextContent('Try a Prompt Battle');
  expect(screen.getByRole('region', { name: 'Scavenger hunts' })).toHaveTextContent('Find your way around');
  expect(screen.getByRole('region', { name: 'Quiz streak bonus' })).toHaveTextContent('7 days: +40 XP');
});

test('a right answer refreshes the quests, which celebrate the finished hunt', async () => {
  let answered = false;
  const solved: QuestsData = makeQuestsPage({
    quests: [makeHunt({ progress: { current: 3, target: 3 }, completed_at: '2026-11-25T12:00:00Z', xp_awarded: 75 })],
  });
  const fetchMock = mockApi({
    [`GET ${QUESTS}`]: () => json(answered ? solved : makeQuestsPage({ quests: [makeHunt()] })),
    [`POST ${ANSWER}`]: ({ init }) => {
      answered = JSON.parse(String(init.body)).answer === '20';
      return json({ solved: true, order: 2, next_step: null, quest_completed: true, xp_awarded: 75 });
    },
  });
  renderWithProviders(<QuestsPage />);

  await userEvent.type(await screen.findByRole('textbox', { name: 'Your answer to clue 2' }), '20');
  await userEvent.click(screen.getByRole('button', { name: 'Check answer' }));

  expect(await screen.findByRole('region', { name: 'Quest complete!' })).toHaveTextContent('Quest complete!Find your way around · +75 XP');
  expect(screen.getByRole('article', { name: 'Find your way around' })).toHaveTextContent('Done · +75 XP earned');
  await waitFor(() => expect(callsTo(fetchMock, 'GET', QUESTS)).toHaveLength(2));
});

test('too many guesses show the server message', async () => {
  mockApi({
    [`GET ${QUESTS}`]: () => json(makeQuestsPage({ quests: [makeHunt()] })),
    [`POST ${ANSWER}`]: () => json({ detail: 'Request was throttled.', code: 'throttled' }, 429),
  });
  renderWithProviders(<QuestsPage />);

  await userEvent.type(await screen.findByRole('textbox', { name: 'Your answer to clue 2' }), 'guess');
  await userEvent.click(screen.getByRole('button', { name: 'Check answer' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Request was throttled.');
});

test('offers a retry when the quests cannot load', async () => {
  mockApi({ [`GET ${QUESTS}`]: () => json({ detail: 'Server trouble.', code: 'server_error' }, 500) });
  renderWithProviders(<QuestsPage />);
  expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load your quests.");
});

test('the bars move as the socket reports progress, without a refetch', async () => {
  const api = mockApi({ [`GET ${QUESTS}`]: () => json(makeQuestsPage()) });
  renderWithProviders(<QuestsPage />);
  const bar = await screen.findByRole('progressbar', { name: 'Progress on Grow together' });
  expect(bar).toHaveAttribute('aria-valuetext', '40 of 60');

  const { FakeWebSocket } = await import('../../test/fakeWebSocket');
  act(() => FakeWebSocket.latest().serverOpens());
  expect(screen.getByText('Live')).toBeInTheDocument();
  act(() =>
    FakeWebSocket.latest().serverSends({ type: 'quest_progress', completed: false, quests: [{ id: 2, progress: { current: 45, target: 60 } }] }),
  );
  await waitFor(() =>
    expect(screen.getByRole('progressbar', { name: 'Progress on Grow together' })).toHaveAttribute('aria-valuetext', '45 of 60'),
  );
  expect(callsTo(api, 'GET', QUESTS)).toHaveLength(1);
});
