import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import type { PromptBattle } from '../../types/battles';
import PromptBattlePage from './PromptBattlePage';

const RANK_LIKE = /#\d|\b(1st|2nd|3rd|rank|ranked|ranking|leaderboard|winner)\b/i;
const CURRENT = '/api/v1/prompt-battles/current/';
const IN_TWO_DAYS = new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000 + 60_000).toISOString();

function makeBattle(overrides: Partial<PromptBattle> = {}): PromptBattle {
  return {
    id: 7,
    title: 'Sunrise, explained',
    challenge: 'Explain everyday things.',
    week_start: '2026-11-30',
    closes_at: IN_TWO_DAYS,
    is_open: true,
    is_closed: false,
    can_vote: false,
    xp: { participate: 25, round: 10, win: 20 },
    rounds: [
      { number: 1, prompt: 'Describe a sunrise.', your_entry: null, can_enter: true, your_vote_entry_id: null, entries: [], entry_count: 3 },
      { number: 2, prompt: 'Explain a storm.', your_entry: null, can_enter: false, your_vote_entry_id: null, entries: [], entry_count: 0 },
    ],
    result: null,
    ...overrides,
  };
}

const entered = makeBattle({
  can_vote: true,
  rounds: [
    {
      number: 1,
      prompt: 'Describe a sunrise.',
      your_entry: { id: 1, text: 'Dawn as a slow, warm exhale.' },
      can_enter: false,
      your_vote_entry_id: null,
      entries: [
        { id: 2, text: 'The sky clears its throat.', author: null, votes: null },
        { id: 3, text: 'Light arrives like a kettle.', author: null, votes: null },
      ],
      entry_count: 3,
    },
    { number: 2, prompt: 'Explain a storm.', your_entry: null, can_enter: true, your_vote_entry_id: null, entries: [], entry_count: 0 },
  ],
});

test('shows the challenge and when it closes, then a round entry earns XP and opens voting', async () => {
  let current = makeBattle();
  const fetchMock = mockApi({
    [`GET ${CURRENT}`]: () => json(current),
    'POST /api/v1/prompt-battles/7/rounds/1/entries/': () => {
      current = entered;
      return json({ points_awarded: 35, message: 'Round 1 entered: now vote for a favourite!', entry: { id: 1, text: 'x' } }, 201);
    },
  });
  renderWithProviders(<PromptBattlePage />);

  expect(await screen.findByText('The battle closes in 2 days 3 hours.')).toBeInTheDocument();
  expect(screen.getByText(/This week: Sunrise, explained/)).toBeInTheDocument();
  await userEvent.type(screen.getByLabelText('Your prompt'), 'Dawn as a slow, warm exhale.');
  await userEvent.click(screen.getByRole('button', { name: 'Enter the battle' }));

  expect(await screen.findByRole('heading', { name: 'Nice work! +35 XP' })).toHaveFocus();
  const others = await screen.findByRole('list', { name: 'Other entries in round 1' });
  expect(within(others).getAllByRole('button', { name: 'Vote' })).toHaveLength(2);
  expect(screen.getByLabelText('Your prompt for round 2')).toBeInTheDocument();
  expect(callsTo(fetchMock, 'GET', CURRENT).length).toBeGreaterThanOrEqual(2);
  expect(document.body.textContent).not.toMatch(RANK_LIKE);
});

test('voting for an entry marks it as your vote and hides the other vote buttons', async () => {
  let current = entered;
  mockApi({
    [`GET ${CURRENT}`]: () => json(current),
    'POST /api/v1/prompt-battles/entries/3/votes/': () => {
      current = { ...entered, rounds: [{ ...entered.rounds[0], your_vote_entry_id: 3 }, entered.rounds[1]] };
      return json({ entry_id: 3, round: 1, message: 'Thanks for voting!' }, 201);
    },
  });
  renderWithProviders(<PromptBattlePage />);

  const entry = (await screen.findByText('Light arrives like a kettle.')).closest('li')!;
  await userEvent.click(within(entry).getByRole('button', { name: 'Vote' }));

  expect(await within(entry).findByText('Your vote')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Vote' })).not.toBeInTheDocument();
});

test("a refused vote shows the server's message", async () => {
  mockApi({
    [`GET ${CURRENT}`]: () => json(entered),
    'POST /api/v1/prompt-battles/entries/2/votes/': () =>
      json({ detail: "You can't vote for your own entry: pick someone else's favourite.", code: 'own_entry_vote' }, 403),
  });
  renderWithProviders(<PromptBattlePage />);
  const entry = (await screen.findByText('The sky clears its throat.')).closest('li')!;
  await userEvent.click(within(entry).getByRole('button', { name: 'Vote' }));
  expect(await screen.findByRole('alert')).toHaveTextContent("You can't vote for your own entry");
});

test('shows field errors from the server next to the prompt', async () => {
  mockApi({
    [`GET ${CURRENT}`]: () => json(makeBattle()),
    'POST /api/v1/prompt-battles/7/rounds/1/entries/': () =>
      json({ detail: 'text: Too short.', code: 'invalid', errors: { text: ['Ensure this field has at least 10 characters.'] } }, 400),
  });
  renderWithProviders(<PromptBattlePage />);
  const prompt = await screen.findByLabelText('Your prompt');
  await userEvent.type(prompt, 'A golden hello from the sky');
  expect(screen.getByText(/27 \/ 500 characters/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Enter the battle' }));
  expect(await screen.findByText('Ensure this field has at least 10 characters.')).toBeInTheDocument();
  expect(prompt).toHaveAttribute('aria-invalid', 'true');
});

test('a won battle says so with its XP, and names authors only after it closed, without ranks', async () => {
  mockApi({
    [`GET ${CURRENT}`]: () =>
      json(
        makeBattle({
          is_open: false,
          is_closed: true,
          rounds: [
            {
              ...entered.rounds[0],
              entries: [{ id: 2, text: 'The sky clears its throat.', author: 'ada_1', votes: 1 }],
            },
          ],
          result: { battle_id: 7, is_closed: true, closes_at: IN_TWO_DAYS, winners: [{ username: 'me', votes: 2 }], you_won: true, your_votes: 2, points_awarded: 20 },
        }),
      ),
  });
  renderWithProviders(<PromptBattlePage />);
  expect(await screen.findByText('You won this battle: +20 XP')).toBeInTheDocument();
  expect(screen.getByText('by ada_1 · 1 vote')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Vote' })).not.toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(RANK_LIKE);
});

test('no battle this week is a friendly note, not an error', async () => {
  mockApi({ [`GET ${CURRENT}`]: () => json({ detail: 'No battle.', code: 'no_battle_this_week' }, 404) });
  renderWithProviders(<PromptBattlePage />);
  expect(await screen.findByText('There is no Prompt Battle this week yet. Check back soon!')).toBeInTheDocument();
});
