import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, djangoShell, saveScreenshot, signIn, waitForCircle } from './support';

/** A member who has never opened Thrive Circles (the demo members have seen the tour). */
function newcomer(prefix: string): string {
  const username = `${prefix}_${Date.now()}`;
  djangoShell(
    `from django.contrib.auth import get_user_model; get_user_model().objects.create_user(${JSON.stringify(username)}, password=${JSON.stringify(PASSWORD)})`,
  );
  return username;
}

async function onboardingCompletedAt(page: Page): Promise<string | null> {
  const response = await page.request.get('/api/v1/auth/session/');
  return (await response.json()).user.onboarding_completed_at;
}

/** The highlighted area covers the section the step is about. */
async function expectSpotlightOn(page: Page, target: string) {
  const section = page.locator(`[data-tour="${target}"]`);
  await expect(section).toBeInViewport();
  await expect
    .poll(async () => {
      const [spot, box] = await Promise.all([page.getByTestId('tour-spotlight').boundingBox(), section.boundingBox()]);
      if (!spot || !box) return false;
      return (
        spot.x <= box.x + 1 &&
        spot.y <= box.y + 1 &&
        spot.x + spot.width >= box.x + box.width - 1 &&
        spot.y + spot.height >= box.y + box.height - 1
      );
    })
    .toBe(true);
}

const STEPS = [
  { title: "You're growing!", target: 'level-progress' },
  { title: 'Meet your Thrive Circle', target: 'circle' },
  { title: 'A fresh start every week', target: 'countdown' },
  { title: 'Ways to grow this week', target: 'recommended-actions' },
  { title: 'See your circle in action', target: 'feed' },
];

test('the tour shows on the first visit only, and not again in another browser', async ({ browser }) => {
  const username = newcomer('newcomer');

  const laptop = await browser.newContext();
  const page = await laptop.newPage();
  await signIn(page, username);
  await waitForCircle(page);

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();
  for (const [index, step] of STEPS.entries()) {
    await expect(dialog).toHaveAccessibleName(step.title);
    await expect(dialog).toContainText(`Step ${index + 1} of 5`);
    await expectSpotlightOn(page, step.target);
    if (index === 1) await saveScreenshot(page, 'onboarding-tour-desktop', { fullPage: false });
    if (index < STEPS.length - 1) await page.keyboard.press('Enter'); // "Next" keeps the focus
  }
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => onboardingCompletedAt(page)).not.toBeNull();
  await laptop.close();

  // Another device: a fresh browser context, signed in again.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const again = await phone.newPage();
  await signIn(again, username);
  await waitForCircle(again);
  await again.waitForLoadState('networkidle');
  await expect(again.getByRole('dialog')).toHaveCount(0);
  await saveScreenshot(again, 'onboarding-not-again-mobile');
  await phone.close();
});

test('the tour is keyboard and screen-reader friendly, and Escape skips it', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, newcomer('keyboarder'));
  await waitForCircle(page);

  const dialog = page.getByRole('dialog', { name: "You're growing!" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Tab cycles through the dialog's buttons only: the page behind it is inert.
  for (let press = 0; press < 4; press++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => onboardingCompletedAt(page)).not.toBeNull();

  await page.reload();
  await waitForCircle(page);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test.describe('soft launch', () => {
  const setFlag = (assignments: string) =>
    djangoShell(
      `from waffle.models import Flag; flag = Flag.objects.get(name="thrive_circles"); ${assignments}; flag.save()`,
    );
  test.afterEach(() => setFlag('flag.everyone = True'));

  test('outside the beta a member sees "coming soon"; joining the beta group opens it, no deploy', async ({ page }) => {
    const username = newcomer('waiting');
    setFlag('flag.everyone = None');

    await signIn(page, username);
    await expect(page.getByRole('heading', { level: 1, name: 'Thrive Circles is coming soon' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(['Your Thrive Circle']);
    const circle = await page.request.get('/api/v1/me/thrive-circle/');
    expect(circle.status()).toBe(404);
    expect(await circle.json()).toEqual({ detail: 'Not found.', code: 'not_found' });
    await saveScreenshot(page, 'coming-soon-desktop');

    djangoShell(
      `from django.contrib.auth.models import Group; from django.contrib.auth import get_user_model; get_user_model().objects.get(username=${JSON.stringify(username)}).groups.add(Group.objects.get(name="Thrive Circles beta"))`,
    );
    await page.reload();
    await waitForCircle(page);
    await page.keyboard.press('Escape'); // the newcomer's tour
    await expect(nav.getByRole('link')).toHaveText(['Your Thrive Circle', 'Quests', 'XP history', 'Help', 'Settings']);
  });
});

test('the help page’s level table matches the level data', async ({ page }) => {
  await signIn(page, 'explorer_eve', '/help/thrive-circles');
  const { levels } = await (await page.request.get('/api/v1/thrive-levels/')).json();

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(levels.length + 1);
  for (const [index, level] of levels.entries()) {
    const row = rows.nth(index + 1);
    await expect(row.getByRole('rowheader')).toHaveText(level.name);
    await expect(row).toContainText(`${level.min_xp.toLocaleString('en-US')}+ XP`);
  }
  await expect(page.getByRole('region', { name: 'How do I earn XP?' })).toContainText('Complete a Quick Quiz+20 XP');
  await expect(page.getByRole('region', { name: 'When do Circles reset?' }).locator('time')).toContainText(/^Monday|^Sunday/);
});
