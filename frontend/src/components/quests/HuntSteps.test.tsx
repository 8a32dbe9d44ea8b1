import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { expect, test, vi } from 'vitest';
import { ApiError } from '../../services/api';
import { makeHunt } from '../../test/questFixtures';
import { HuntSteps } from './HuntSteps';

function renderSteps(onAnswer: (order: number, answer: string) => Promise<unknown>) {
  render(
    <MemoryRouter>
      <HuntSteps steps={makeHunt().steps} onAnswer={onAnswer} />
    </MemoryRouter>,
  );
}

test('shows solved clues, the open clue with where to look, and locks the rest', () => {
  renderSteps(vi.fn());
  const items = screen.getAllByRole('listitem');
  expect(items[0]).toHaveTextContent('Clue 1 solved: What is the top level called?');
  expect(items[1]).toHaveTextContent('Clue 2: How much XP does a quiz earn?');
  expect(screen.getByRole('link', { name: 'Where to look' })).toHaveAttribute('href', '/help/thrive-circles');
  expect(items[2]).toHaveTextContent('Clue 3 opens when you solve the one before.');
  expect(screen.getAllByRole('textbox')).toHaveLength(1);
});

test('sends the typed answer for the open clue', async () => {
  const onAnswer = vi.fn().mockResolvedValue({});
  renderSteps(onAnswer);
  await userEvent.type(screen.getByRole('textbox', { name: 'Your answer to clue 2' }), ' 20 ');
  await userEvent.click(screen.getByRole('button', { name: 'Check answer' }));
  expect(onAnswer).toHaveBeenCalledWith(2, ' 20 ');
  expect(screen.getByRole('textbox', { name: 'Your answer to clue 2' })).toHaveValue('');
});

test('a wrong answer shows the server message and keeps what was typed', async () => {
  const onAnswer = vi.fn().mockRejectedValue(new ApiError(400, 'That is not the answer.', 'wrong_answer'));
  renderSteps(onAnswer);
  await userEvent.type(screen.getByRole('textbox', { name: 'Your answer to clue 2' }), '19');
  await userEvent.click(screen.getByRole('button', { name: 'Check answer' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('That is not the answer.');
  expect(screen.getByRole('textbox', { name: 'Your answer to clue 2' })).toHaveValue('19');
});
