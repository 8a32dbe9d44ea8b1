import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createMember, djangoShell, saveScreenshot, signIn, waitForCircle } from './support';

test('a new member solves a hunt clue and completes a side quest, then sees the reward and the feed item', async ({ page }, testInfo) => {
  // A member who joined today: no XP history yet, so no quest is met before the test does it.
  const username = `quest_newcomer_${testInfo.retry}`;
  createMember(username);
  await signIn(page, username, '/play/quests');
  await expect(page.getByRole('heading', { level: 1, name: 'Quests' })).toBeVisible();
  await expect(page.getByText('This week: Prompt Week')).toBeVisible();
  const sideQuest = page.getByRole('article', { name: 'Try a Prompt Battle' });
  await expect(sideQuest).toContainText('+30 XP');
  await expect(sideQuest.getByRole('progressbar')).toBeVisible();
  await expect(sideQuest).toContainText(/left$/);

  // The hunt: a wrong answer gets no hint; the right one, typed loosely, opens the next clue.
  const hunt = page.getByRole('article', { name: 'Find your way around' });
  await hunt.getByRole('textbox', { name: 'Your answer to clue 1' }).fill('Seedling');
  await hunt.getByRole('button', { name: 'Check answer' }).click();
  await expect(hunt.getByRole('alert')).toHaveText('That is not the answer. Have another look where the clue points.');
  await hunt.getByRole('textbox', { name: 'Your answer to clue 1' }).fill('  luminary ');
  await hunt.getByRole('button', { name: 'Check answer' }).click();
  await expect(hunt).toContainText('Clue 1 solved');
  await expect(hunt.getByRole('textbox', { name: 'Your answer to clue 2' })).toBeVisible();
  await expect(hunt.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '1 of 3');

  // The side quest: enter a Prompt Battle.
  await page.goto('/play/prompt-battle');
  await page.getByLabel('Your prompt').fill('Describe a sunrise as the warmth that arrives before the light does.');
  await page.getByRole('button', { name: 'Enter the battle' }).click();
  await expect(page.getByRole('heading', { name: /\+\d+ XP$/ })).toBeVisible();

  await page.goto('/play/quests');
  await expect(page.getByRole('article', { name: 'Try a Prompt Battle' })).toContainText('Done · +30 XP earned');
  const celebration = page.getByRole('region', { name: 'Quest complete!' });
  await expect(celebration).toContainText('Try a Prompt Battle · +30 XP');
  await celebration.getByRole('button', { name: 'Nice!' }).click();
  await expect(celebration).toBeHidden();

  // The reward is an XP event like any other: it shows in the circle's feed.
  await page.goto('/play/thrive-circle');
  await waitForCircle(page);
  await expect(page.getByRole('region', { name: "This week's quests" })).toContainText('Try a Prompt Battle');
  const feedItems = page.getByRole('region', { name: 'Circle activity' }).getByRole('listitem');
  await expect(
    feedItems.filter({ hasText: 'You Completed a side quest: Try a Prompt Battle' }).filter({ hasText: '+30 XP' }),
  ).toHaveCount(1);
});

test('the quests page has no serious or critical axe violations', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, 'explorer_eve', '/play/quests');
  await expect(page.getByRole('heading', { level: 1, name: 'Quests' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Find your way around' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }));
  expect(serious).toEqual([]);
  await saveScreenshot(page, 'quests-desktop');
});

test('a quiz moves the quest bars on the open page live, without a reload', async ({ page }, testInfo) => {
  const username = `quest_live_${testInfo.retry}`;
  createMember(username);
  await signIn(page, username);
  await waitForCircle(page);
  await expect(page.getByRole('region', { name: 'Circle activity' }).getByText('Live', { exact: true })).toBeVisible();
  const bar = page.getByRole('region', { name: "This week's quests" }).getByRole('progressbar', { name: 'Progress on Three quizzes, three days' });
  await expect(bar).toHaveAttribute('aria-valuetext', '0 of 3');

  // A quiz finished elsewhere (another tab, the mobile app): another process, the same person.
  djangoShell(
    `from django.contrib.auth import get_user_model; from core.points.services import PointsService; PointsService.award_points(get_user_model().objects.get(username=${JSON.stringify(username)}), 'quiz_completed', {'title': 'Live quiz'})`,
  );
  // The page polls quests every 30 s; the socket brings the change well before that.
  await expect(bar).toHaveAttribute('aria-valuetext', '1 of 3', { timeout: 5_000 });
});

test('the quests page is live too: a quiz recorded elsewhere moves its bar without a reload', async ({ page }, testInfo) => {
  const username = `quest_page_live_${testInfo.retry}`;
  createMember(username);
  await signIn(page, username, '/play/quests');
  await expect(page.getByRole('heading', { level: 1, name: 'Quests' })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Progress on Three quizzes, three days' });
  await expect(bar).toHaveAttribute('aria-valuetext', '0 of 3');

  djangoShell(
    `from django.contrib.auth import get_user_model; from core.points.services import PointsService; PointsService.award_points(get_user_model().objects.get(username=${JSON.stringify(username)}), 'quiz_completed', {'title': 'Live quiz'})`,
  );
  // The page polls every 30 s; the socket brings the change well before that.
  await expect(bar).toHaveAttribute('aria-valuetext', '1 of 3', { timeout: 5_000 });
});
