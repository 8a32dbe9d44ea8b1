import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, signIn, waitForCircle } from './support';

/**
 * Records what the Content-Security-Policy refused and refuses every request that leaves this
 * site, as if there were no internet: each page below must render with neither.
 */
async function watchPolicyAndNetwork(page: Page) {
  const refused: string[] = [];
  const offsite: string[] = [];
  const site = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8765').host;
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const store = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      store.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === site) return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  return async () => {
    const reported = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    return { refused: [...refused, ...reported], offsite };
  };
}

test('the circle page works under the Content-Security-Policy', async ({ page }) => {
  const problems = await watchPolicyAndNetwork(page);
  await signIn(page, 'explorer_eve');
  await waitForCircle(page);
  // Font Awesome's stylesheet is bundled (no injected <style>): icons keep their text size.
  const icon = page.locator('svg.svg-inline--fa').first();
  await expect(icon).toBeVisible();
  expect((await icon.boundingBox())!.height).toBeLessThan(48);
  expect(await problems()).toEqual({ refused: [], offsite: [] });
});

test('the admin works under the Content-Security-Policy', async ({ page }) => {
  const problems = await watchPolicyAndNetwork(page);
  await page.goto('/admin/');
  await page.getByLabel('Username').fill('staff_sky');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Site administration' })).toBeVisible();
  await page.goto('/admin/points/pointshistory/');
  await expect(page.getByRole('columnheader', { name: 'Awarded by' })).toBeVisible();
  expect(await problems()).toEqual({ refused: [], offsite: [] });
});

test('the API docs render offline under the Content-Security-Policy', async ({ page }) => {
  const problems = await watchPolicyAndNetwork(page);
  await page.goto('/api/docs/');
  await expect(page.getByRole('heading', { name: /Thrive Circles API/ })).toBeVisible();
  await expect(page.getByText('/api/v1/thrive-levels/', { exact: true })).toBeVisible();
  expect(await problems()).toEqual({ refused: [], offsite: [] });
});
