import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { thriveCircleKeys } from '../../services/thriveCircles';
import { callsTo, json, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import QuickQuizPage from './QuickQuizPage';

const QUIZ = {
  id: 'ai-basics',
  title: 'AI Basics',
  questions: [
    { id: 1, prompt: 'What does AI stand for?', choices: ['Artificial Intelligence', 'Automated Input', 'Any Idea'] },
    { id: 2, prompt: 'A prompt is…', choices: ['A reward', 'An instruction to a model', 'A bug'] },
  ],
};

test('answering every question submits the choices and celebrates the XP', async () => {
  const fetchMock = mockApi({
    'GET /api/v1/activities/quiz/': () => json(QUIZ),
    'POST /api/v1/activities/quiz/': () =>
      json({
        correct: 1,
        total: 2,
        score: 50,
        points_awarded: 13,
        message: '1 of 2 right: every quiz helps you grow.',
        review: [
          { question_id: 1, prompt: 'What does AI stand for?', choices: QUIZ.questions[0].choices, chosen: 0, right: 0, is_correct: true, explanation: 'Artificial Intelligence.' },
          { question_id: 2, prompt: 'A prompt is…', choices: QUIZ.questions[1].choices, chosen: 2, right: 1, is_correct: false, explanation: 'You instruct the model with it.' },
        ],
      }),
  });
  const { queryClient } = renderWithProviders(<QuickQuizPage />);
  queryClient.setQueryData(thriveCircleKeys.yourCircle(), {});

  const finish = await screen.findByRole('button', { name: 'Finish quiz' });
  expect(finish).toBeDisabled();

  await userEvent.click(screen.getByRole('radio', { name: 'Artificial Intelligence' }));
  await userEvent.click(screen.getByRole('radio', { name: 'A bug' }));
  expect(screen.getByText('2 of 2 answered')).toBeInTheDocument();
  await userEvent.click(finish);

  expect(await screen.findByRole('heading', { name: 'Nice work! +13 XP' })).toHaveFocus();
  expect(screen.getByText('You got 1 of 2 right (50%).')).toBeInTheDocument();
  const review = screen.getByRole('region', { name: 'Your answers explained' });
  expect(review).toHaveTextContent('You chose “A bug”. The right answer: An instruction to a model');
  expect(review).toHaveTextContent('You instruct the model with it.');
  expect(screen.getByRole('link', { name: /Back to Your Thrive Circle/ })).toHaveAttribute('href', '/play/thrive-circle');

  const [, init] = callsTo(fetchMock, 'POST', '/api/v1/activities/quiz/')[0];
  expect(JSON.parse(String(init?.body))).toEqual({ quiz_id: 'ai-basics', answers: [0, 2] });
  // The circle page must show the new XP next time it is seen, never the old numbers first: the
  // cached copy (not on screen) is dropped, so the page loads fresh.
  expect(queryClient.getQueryData(thriveCircleKeys.yourCircle())).toBeUndefined();
});

test('shows the server’s reason when the quiz cannot be submitted', async () => {
  mockApi({
    'GET /api/v1/activities/quiz/': () => json(QUIZ),
    'POST /api/v1/activities/quiz/': () => json({ detail: 'Take a breather — try again in a minute.', code: 'rate_limited' }, 429),
  });
  renderWithProviders(<QuickQuizPage />);

  await userEvent.click(await screen.findByRole('radio', { name: 'Any Idea' }));
  await userEvent.click(screen.getByRole('radio', { name: 'A bug' }));
  await userEvent.click(screen.getByRole('button', { name: 'Finish quiz' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Take a breather — try again in a minute.');
});
