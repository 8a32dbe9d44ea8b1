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

test('each suggestion says why it is suggested now', () => {
  render(
    <MemoryRouter>
      <RecommendedActionsCard
        actions={[
          { label: 'Enter a Prompt Battle', xp: 25, url: '/play/prompt-battle', icon: 'faGamepad', reason: "You haven't tried a Prompt Battle this week." },
          { label: 'Publish a project', xp: 15, url: '/projects', icon: 'faUpload', reason: "You have 2 projects you haven't published yet." },
        ]}
      />
    </MemoryRouter>,
  );

  const battle = screen.getByRole('link', { name: /Enter a Prompt Battle/ });
  expect(battle).toHaveTextContent("You haven't tried a Prompt Battle this week.");
  const publish = screen.getByRole('link', { name: /Publish a project/ });
  expect(publish).toHaveTextContent("You have 2 projects you haven't published yet.");
  expect(publish).toHaveTextContent('+15 XP');
  expect(screen.getAllByRole('link')).toHaveLength(2);
});
