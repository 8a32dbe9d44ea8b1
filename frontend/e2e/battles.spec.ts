import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PASSWORD, RANK_LABELS, djangoShell, saveScreenshot, signIn, waitForCircle } from './support';

test("a member enters this week's Prompt Battle, sees the XP arrive and votes for someone else's entry", async ({ page }, testInfo) => {
  const username = `battle_newcomer_${testInfo.retry}`;
  const rival = `battle_rival_${testInfo.retry}`;
  const rivalText = `A rival's prompt (${testInfo.retry}): describe dawn as a kettle coming slowly to the boil.`;
  // A newcomer with no XP yet, and a rival who already entered round 1 of the demo's battle (core/battles/demo.py).
  djangoShell(
    [
      'from django.contrib.auth import get_user_model',
      'from core.launch.services import complete_onboarding',
      'from core.battles import selectors, services',
      `complete_onboarding(get_user_model().objects.create_user(${JSON.stringify(username)}, password=${JSON.stringify(PASSWORD)}))`,
      `rival = get_user_model().objects.create_user(${JSON.stringify(rival)}, password=${JSON.stringify(PASSWORD)})`,
      `services.submit_entry(rival, battle_id=selectors.current_battle().pk, round_number=1, text=${JSON.stringify(rivalText)})`,
    ].join('\n'),
  );

  await signIn(page, username, '/play/prompt-battle');
  await expect(page.getByRole('heading', { level: 1, name: 'Prompt Battle' })).toBeVisible();
  await expect(page.getByText('This week: Sunrise, explained.')).toBeVisible();
  await expect(page.getByText(/^The battle closes in \d+ (day|hour|minute)/)).toBeVisible();
  // Others' entries stay hidden until you have entered the round yourself.
  await expect(page.getByText(rivalText)).toBeHidden();

  await page.getByLabel('Your prompt').fill('Describe a sunrise only through sounds and warmth, for someone who has never seen light.');
  await page.getByRole('button', { name: 'Enter the battle' }).click();
  await expect(page.getByRole('heading', { name: 'Nice work! +35 XP' })).toBeVisible();
  await expect(page.getByText('Your entry: Describe a sunrise only through sounds')).toBeVisible();
  await expect(page.getByLabel('Your prompt for round 2')).toBeVisible();

  // Vote for the rival's entry (anonymous while the battle runs); one vote per round.
  const others = page.getByRole('list', { name: 'Other entries in round 1' });
  const rivalEntry = others.getByRole('listitem').filter({ hasText: rivalText });
  await expect(rivalEntry).not.toContainText(rival);
  await rivalEntry.getByRole('button', { name: 'Vote' }).click();
  await expect(rivalEntry).toContainText('Your vote');
  await expect(others.getByRole('button', { name: 'Vote' })).toHaveCount(0);
  expect(await page.locator('main').innerText()).not.toMatch(RANK_LABELS);
  await saveScreenshot(page, 'prompt-battle-voted');

  // The XP arrived: the circle's feed shows the round and taking part.
  await page.goto('/play/thrive-circle');
  await waitForCircle(page);
  const feed = page.getByRole('region', { name: 'Circle activity' }).getByRole('listitem');
  await expect(feed.filter({ hasText: 'You Completed a Prompt Battle round: Sunrise, explained' }).filter({ hasText: '+10 XP' })).toHaveCount(1);
  await expect(feed.filter({ hasText: 'You Entered a Prompt Battle: Sunrise, explained' }).filter({ hasText: '+25 XP' })).toHaveCount(1);

  // The vote is stored: it is still there after a reload.
  await page.goto('/play/prompt-battle');
  await expect(page.getByRole('list', { name: 'Other entries in round 1' }).getByRole('listitem').filter({ hasText: rivalText })).toContainText('Your vote');
});

test('the Prompt Battle page has no serious or critical axe violations', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, 'explorer_eve', '/play/prompt-battle');
  await expect(page.getByRole('heading', { level: 1, name: 'Prompt Battle' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Round 1' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => violation.id)).toEqual([]);
});
