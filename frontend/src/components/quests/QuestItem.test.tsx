import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { makeQuest, NOW } from '../../test/questFixtures';
import { QuestItem } from './QuestItem';

test('shows what to do, the reward, progress as a bar and the time left', () => {
  render(<QuestItem quest={makeQuest({ progress: { current: 3, target: 5 } })} now={NOW} />);

  const quest = screen.getByRole('article', { name: 'Try a Prompt Battle' });
  expect(quest).toHaveTextContent('Side quest');
  expect(quest).toHaveTextContent('Enter one Prompt Battle this week.');
  expect(quest).toHaveTextContent('+30 XP');
  const bar = screen.getByRole('progressbar', { name: 'Progress on Try a Prompt Battle' });
  expect(bar).toHaveAttribute('aria-valuenow', '3');
  expect(bar).toHaveAttribute('aria-valuemax', '5');
  expect(bar).toHaveAttribute('aria-valuetext', '3 of 5');
  expect(quest).toHaveTextContent('4 days left');
  expect(quest).not.toHaveTextContent('Done');
});

test('a completed quest shows its done state and the XP it earned instead of the time left', () => {
  render(
    <QuestItem
      quest={makeQuest({ progress: { current: 1, target: 1 }, completed_at: '2026-11-25T11:00:00Z', xp_awarded: 30 })}
      now={NOW}
    />,
  );

  const quest = screen.getByRole('article', { name: 'Try a Prompt Battle' });
  expect(quest).toHaveTextContent('Done · +30 XP earned');
  expect(quest).not.toHaveTextContent('days left');
});

test('the theme side quest is marked with the theme name', () => {
  render(<QuestItem quest={makeQuest()} now={NOW} themeName="Prompt Week" />);
  expect(screen.getByRole('article')).toHaveTextContent('Side quest· Prompt Week');
});
