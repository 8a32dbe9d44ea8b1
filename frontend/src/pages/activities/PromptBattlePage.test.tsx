import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import PromptBattlePage from './PromptBattlePage';

test('shows field errors from the server next to the prompt', async () => {
  mockApi({
    'POST /api/v1/activities/prompt-battle/': () =>
      json({ detail: 'Please fix the prompt.', code: 'invalid', errors: { prompt: ['Too similar to your last entry.'] } }, 400),
  });
  renderWithProviders(<PromptBattlePage />);

  const prompt = screen.getByLabelText('Your prompt');
  await userEvent.type(prompt, 'A golden hello from the sky');
  expect(screen.getByText(/27 \/ 500 characters/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Enter the battle' }));

  expect(await screen.findByText('Too similar to your last entry.')).toBeInTheDocument();
  expect(prompt).toHaveAttribute('aria-invalid', 'true');
  expect(prompt).toHaveAccessibleDescription(/Too similar to your last entry/);
  expect(screen.getByRole('alert')).toHaveTextContent('Please fix the prompt.');
});

test('a successful entry awards XP and offers another go', async () => {
  mockApi({
    'POST /api/v1/activities/prompt-battle/': () => json({ points_awarded: 25, message: 'Your prompt is in!' }),
  });
  renderWithProviders(<PromptBattlePage />);

  await userEvent.type(screen.getByLabelText('Your prompt'), 'Describe dawn as a slow, warm exhale.');
  await userEvent.click(screen.getByRole('button', { name: 'Enter the battle' }));

  expect(await screen.findByRole('heading', { name: 'Nice work! +25 XP' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Enter another prompt' }));
  expect(screen.getByLabelText('Your prompt')).toHaveValue('');
});
