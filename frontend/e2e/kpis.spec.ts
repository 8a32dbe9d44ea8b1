import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn, waitForCircle } from './support';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE_TIME = '/api/v1/me/page-time/';

/** This person's visible seconds on Your Thrive Circle, all weeks, from the server's database. */
function storedSeconds(username: string): number {
  const python = process.env.E2E_PYTHON ?? path.join(PROJECT_ROOT, '.venv/bin/python');
  const code =
    'from django.db.models import Sum; from core.insights.models import PageTime; ' +
    `print(PageTime.objects.filter(user__username='${username}').aggregate(s=Sum('seconds'))['s'] or 0)`;
  const out = execFileSync(python, ['manage.py', 'shell', '-c', code], { cwd: PROJECT_ROOT, stdio: 'pipe' }).toString();
  return Number(out.trim().split('\n').pop());
}

async function hidePage(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

test('Your Thrive Circle reports its visible time when the page is hidden', async ({ page }) => {
  const before = storedSeconds('seedling_sam');
  const reports: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(PAGE_TIME) && request.method() === 'POST') reports.push(request.headers()['content-type'] ?? '');
  });
  await signIn(page, 'seedling_sam');
  await waitForCircle(page);
  await expect(page.getByRole('region', { name: 'Ways to grow this week' })).toBeVisible();
  await page.waitForTimeout(1500); // more than the one second a report needs; well under the minute
  await hidePage(page);

  // A beacon with a form body (it carries the CSRF token, as a beacon cannot set headers),
  // and the server stored what it counted, at most one report's cap.
  await expect.poll(() => reports).toEqual([expect.stringContaining('application/x-www-form-urlencoded')]);
  await expect.poll(() => storedSeconds('seedling_sam') - before).toBeGreaterThan(0);
  expect(storedSeconds('seedling_sam') - before).toBeLessThanOrEqual(120);
});

test('the circle feed animates new items, but not under prefers-reduced-motion', async ({ page }) => {
  await signIn(page, 'creator_cy');
  await waitForCircle(page);
  const firstItem = page.getByRole('region', { name: 'Circle activity' }).getByRole('listitem').first();
  await expect(firstItem).toBeVisible();
  // The entrance keeps its end state (fill "both"), so a played animation stays listed.
  expect(await firstItem.evaluate((item) => item.getAnimations().length)).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await waitForCircle(page);
  await expect(firstItem).toBeVisible();
  const items = page.getByRole('region', { name: 'Circle activity' }).getByRole('listitem');
  const running = await items.evaluateAll((all) => all.map((item) => item.getAnimations().length));
  expect(running.length).toBeGreaterThan(0);
  expect(running.every((count) => count === 0)).toBe(true);
});

test("each recommended action says why, from the person's own week", async ({ page }) => {
  await signIn(page, 'explorer_eve');
  await waitForCircle(page);
  const card = page.getByRole('region', { name: 'Ways to grow this week' });
  const links = card.getByRole('link');
  await expect(links).toHaveCount(3);
  for (const link of await links.all()) {
    await expect(link).toContainText(/this week|from your next level|takes you to|haven't published/);
  }
});
