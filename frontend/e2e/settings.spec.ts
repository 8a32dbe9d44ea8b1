import { expect, test } from '@playwright/test';
import { djangoShell, RANK_LABELS, signIn, waitForCircle } from './support';

// The browser lives in Paris: the settings page stores that zone on a first visit.
test.use({ timezoneId: 'Europe/Paris' });

test.beforeEach(() => {
  // A clean slate for this demo member: no stored zone, no rest (the spec may run twice).
  djangoShell(
    "from django.contrib.auth import get_user_model; get_user_model().objects.filter(username='creator_cy').update(time_zone='', resting_week=None, rest_ended_on=None)",
  );
});

test('changing the time zone in settings moves the reset shown on the page', async ({ page }) => {
  // The platform's reset is Monday 00:00 UTC (the e2e server's defaults): 01:00 in Paris in December.
  await signIn(page, 'creator_cy', '/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const zoneCard = page.getByRole('region', { name: 'Your time zone' });
  await expect(zoneCard).toContainText('Monday 01:00');
  await expect(zoneCard).toContainText('(Europe/Paris)');

  await page.getByRole('link', { name: 'Your Thrive Circle' }).click();
  await waitForCircle(page);
  await expect(page.getByText('Resets Monday 01:00 your time')).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Search time zones').fill('tokyo');
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Tokyo');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByRole('status')).toContainText('Saved: your times now follow Asia/Tokyo.');
  await expect(zoneCard).toContainText('Monday 09:00');

  await page.getByRole('link', { name: 'Your Thrive Circle' }).click();
  await waitForCircle(page);
  await expect(page.getByText('Resets Monday 09:00 your time')).toBeVisible();

  // West of the platform the reset is still Sunday evening, and a reload keeps the stored zone.
  await page.goto('/settings');
  await page.getByLabel('Search time zones').fill('los angeles');
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('America/Los_Angeles');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(zoneCard).toContainText('Sunday 16:00');
  await page.goto('/play/thrive-circle');
  await waitForCircle(page);
  await expect(page.getByText('Resets Sunday 16:00 your time')).toBeVisible();
});

test('the circle card says why you are in it, without any ranking', async ({ page }) => {
  await signIn(page, 'creator_cy');
  await waitForCircle(page);
  await page.getByText("Why you're in this circle").click();
  const why = page.getByText(/this circle gathers Creator people with similar XP this week/);
  await expect(why).toBeVisible();
  await expect(why).not.toContainText(RANK_LABELS);
});

test('taking a rest week and cancelling it', async ({ page }) => {
  await signIn(page, 'creator_cy', '/settings');
  const rest = page.getByRole('region', { name: 'A rest week' });
  await rest.getByRole('button', { name: /^Rest the week of / }).click();
  await expect(rest).toContainText("You're resting the week of");
  await rest.getByRole('button', { name: 'Cancel my rest' }).click();
  await expect(rest.getByRole('button', { name: /^Rest the week of / })).toBeVisible();
});
