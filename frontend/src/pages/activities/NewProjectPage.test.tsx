import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import NewProjectPage from './NewProjectPage';

test('creates a project from the form and reports the XP', async () => {
  const fetchMock = mockApi({
    'POST /api/v1/activities/projects/': () => json({ points_awarded: 10, message: 'Project created!' }),
  });
  renderWithProviders(<NewProjectPage />);

  await userEvent.type(screen.getByLabelText('Title'), 'Prompt journal');
  await userEvent.type(screen.getByLabelText('Description'), 'Daily prompts I tried.');
  await userEvent.click(screen.getByRole('button', { name: 'Create project' }));

  expect(await screen.findByRole('heading', { name: 'Nice work! +10 XP' })).toBeInTheDocument();
  expect(screen.getByText('Project created!')).toBeInTheDocument();
  const [, init] = callsTo(fetchMock, 'POST', '/api/v1/activities/projects/')[0];
  expect(JSON.parse(String(init?.body))).toEqual({ title: 'Prompt journal', description: 'Daily prompts I tried.' });
});
