import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { expect, test } from 'vitest';
import { makeThriveCircleData } from '../../test/fixtures';
import { RecommendedActionsCard } from './RecommendedActionsCard';

test('links each suggested action with the XP it earns', () => {
  render(
    <MemoryRouter>
      <RecommendedActionsCard actions={makeThriveCircleData().recommended_actions} />
    </MemoryRouter>,
  );

  const quiz = screen.getByRole('link', { name: /Complete a Quick Quiz/ });
  expect(quiz).toHaveAttribute('href', '/quick-quizzes');
  expect(quiz).toHaveTextContent('+20 XP');
  expect(screen.getByRole('link', { name: /Enter a Prompt Battle/ })).toHaveAttribute('href', '/play/prompt-battle');
  expect(screen.getByRole('link', { name: /Create a New Project/ })).toHaveAttribute('href', '/projects/new');
});
