import { expect, test } from '@playwright/test';
import { createMember, signIn, waitForCircle } from './support';

test.setTimeout(60_000);

/** A member who has seen the tour; new, so no earlier awards decide what today's are worth. */
function newMember(prefix: string): string {
  const username = `${prefix}_${Date.now()}`;
  createMember(username);
  return username;
}

test('the streak shows with how it counts, and a too-quick repeat is explained kindly and folded in history', async ({
  page,
}) => {
  await signIn(page, newMember('steady'));
  await waitForCircle(page);
  const streak = page.getByRole('group', { name: 'Login streak' });
  await expect(streak).toContainText('1 day login streak');
  await expect(streak).toContainText('a missed day without a freeze starts again at 1');

  for (const title of ['Prompt library', 'Prompt library, again']) {
    await page.goto('/projects/new');
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { name: /Nice work!|Thanks for taking part!/ })).toBeVisible();
  }
  await expect(page.getByText(/That came quickly after your last new project, so it earned no XP; the next one counts in \d+ seconds\./)).toBeVisible();

  await page.goto('/play/thrive-circle/history');
  const history = page.getByRole('list', { name: 'XP events' });
  const folded = history.getByText('1 activity earned no XP this time (fair play)');
  await expect(folded).toBeVisible();
  await expect(history.getByText(/Prompt library, again/)).toBeHidden();
  await folded.click();
  await expect(history.getByText(/Prompt library, again/)).toBeVisible();

  await page.getByRole('link', { name: 'Why some activities earn less' }).click();
  await expect(page.getByRole('heading', { name: 'Why did an activity earn less XP?' })).toBeVisible();
  await expect(page.getByText('Leave 60 seconds between two new projects: one sooner earns no XP.')).toBeVisible();
});
