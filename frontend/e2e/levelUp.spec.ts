import { expect, test, type Browser } from '@playwright/test';
import { PASSWORD, createMember, djangoShell, signIn, waitForCircle } from './support';

// Each test starts two Django shells to set the newcomer up (a few seconds each on this machine).
test.setTimeout(60_000);

/** A newcomer who has seen the tour, signed in (+5 XP for the day) and set 1 XP short of Explorer (500). */
async function almostExplorer(browser: Browser, reducedMotion: 'reduce' | 'no-preference') {
  const username = `climber_${reducedMotion.replace('-', '')}_${Date.now()}`;
  createMember(username);
  const context = await browser.newContext({ reducedMotion });
  const page = await context.newPage();
  await signIn(page, username);
  await waitForCircle(page);
  djangoShell(
    `from django.contrib.auth import get_user_model; from core.circles.models import UserThriveProfile; from core.circles.services import XPService
user = get_user_model().objects.get(username=${JSON.stringify(username)})
XPService.add_xp(user, 499 - UserThriveProfile.objects.get(user=user).total_xp, 'other', 'Set up for the test')`,
  );
  return { page, context, username };
}

async function createProject(page: import('@playwright/test').Page) {
  await page.goto('/projects/new');
  await page.getByLabel('Title').fill('My first prompt library');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: /^Nice work!/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Your Thrive Circle' }).click();
  await waitForCircle(page);
}

test('reaching a level is celebrated once, with sparks, and the circle feed says so', async ({ browser }) => {
  const { page, context } = await almostExplorer(browser, 'no-preference');
  await createProject(page);

  const dialog = page.getByRole('dialog', { name: 'You reached Explorer!' });
  await expect(dialog).toBeVisible();
  // The sparks really move: their animations run.
  const running = await page
    .getByTestId('level-up-sparks')
    .evaluate((el) => el.getAnimations({ subtree: true }).filter((a) => a.playState === 'running').length);
  expect(running).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Keep growing' })).toBeFocused();

  await expect(page.getByTestId('feed-level-up').filter({ hasText: 'You reached Explorer' })).toBeVisible();

  await page.getByRole('button', { name: 'Keep growing' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await waitForCircle(page);
  await expect(page.getByTestId('feed-level-up').filter({ hasText: 'You reached Explorer' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0); // once per level
  await context.close();
});

test('with reduced motion the celebration shows without any animation', async ({ browser }) => {
  const { page, context } = await almostExplorer(browser, 'reduce');
  await createProject(page);

  await expect(page.getByRole('dialog', { name: 'You reached Explorer!' })).toBeVisible();
  const animations = await page.evaluate(() => document.getAnimations().length);
  expect(animations).toBe(0);
  await context.close();
});

test('a circle-mate’s level-up appears on the open page live, without a reload', async ({ browser }) => {
  // A newcomer seated in explorer_eve's circle this week, at 0 XP: 500 XP make them an Explorer.
  const climber = `riser_${Date.now()}`;
  djangoShell(
    `from django.contrib.auth import get_user_model
from core.circles.models import CircleMembership, ThriveCircleLevel, UserThriveProfile
circle = UserThriveProfile.objects.get(user__username='explorer_eve').current_circle
user = get_user_model().objects.create_user(${JSON.stringify(climber)}, password=${JSON.stringify(PASSWORD)})
profile = UserThriveProfile.objects.create(user=user, current_level=ThriveCircleLevel.objects.order_by('order').first(), current_circle=circle)
CircleMembership.objects.create(week_start=circle.week_start, profile=profile, circle=circle)`,
  );
  const context = await browser.newContext();
  const eve = await context.newPage();
  await signIn(eve, 'explorer_eve');
  await waitForCircle(eve);
  const feed = eve.getByRole('region', { name: 'Circle activity' });
  await expect(feed.getByText('Live', { exact: true })).toBeVisible();
  await eve.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const levelUp = eve.getByTestId('feed-level-up').filter({ hasText: `${climber} reached Explorer` });
  await expect(levelUp).toHaveCount(0);
  // From here the page's poll of the moments fails: only the socket can bring the level-up.
  await eve.route('**/api/v1/me/moments/', (route) => route.abort());

  // Awarded by another process (as a management command or a worker would): only the socket can tell the page.
  djangoShell(
    `from django.contrib.auth import get_user_model; from core.circles.services import XPService
XPService.add_xp(get_user_model().objects.get(username=${JSON.stringify(climber)}), 500, 'other', 'Set up for the test')`,
  );
  await expect(levelUp).toBeVisible({ timeout: 5_000 });
  await expect(levelUp).toHaveCount(1);
  expect(await eve.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await context.close();
});
