import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { saveScreenshot, signIn } from './support';

const DASHBOARD = '/insights/thrive-circles';

test('staff open the insights dashboard and see twelve weeks of charts', async ({ page }) => {
  // Straight to the dashboard: the demo's staff account is new, and its first visit to
  // Your Thrive Circle would start the onboarding tour.
  await signIn(page, 'staff_sky', DASHBOARD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Thrive Circles insights' })).toBeVisible();

  const active = page.getByRole('img', { name: /Share of people active and week-over-week retention/ });
  // The first visit computes and stores the eleven finished weeks: slow on a busy machine.
  await expect(active).toBeVisible({ timeout: 30_000 });
  expect(await active.locator('circle').count()).toBeGreaterThan(12); // two lines of points over 12 weeks
  const levels = page.getByRole('img', { name: /^People by level at the end of each week/ });
  await expect(levels.getByTestId('stack')).toHaveCount(12);
  expect(await levels.locator('rect').count()).toBeGreaterThan(12);
  await expect(page.getByRole('region', { name: /^Week of / })).toContainText('Retention');

  // Time on the page, from the demo's reported visible time: a bar per week with visitors (the
  // demo's first week has none), the running week's saying so.
  const time = page.getByRole('region', { name: 'Time on Your Thrive Circle' });
  await expect(time.getByTestId('bar').last()).toContainText('(running week, still counting)');
  expect(await time.getByTestId('bar').count()).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole('img', { name: /opened Your Thrive Circle again/ }).locator('circle')).not.toHaveCount(0);

  const levelUps = page.getByRole('region', { name: 'Level-ups' });
  await levelUps.getByText('Show the numbers').click();
  await expect(levelUps.getByRole('row')).toHaveCount(13);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await saveScreenshot(page, 'insights-desktop');
});

test('the dashboard is for staff only', async ({ page }) => {
  await signIn(page, 'explorer_eve', DASHBOARD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('This page is for staff.');
});
