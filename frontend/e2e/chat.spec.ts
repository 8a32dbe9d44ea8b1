import { execFileSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PASSWORD, signIn, waitForCircle } from './support';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

function djangoAnswer(code: string): string {
  const python = process.env.E2E_PYTHON ?? path.join(PROJECT_ROOT, '.venv/bin/python');
  const output = execFileSync(python, ['manage.py', 'shell', '--verbosity', '0', '-c', code], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return output.trim().split('\n').pop() ?? '';
}

/** A member of creator_cy's circle this week, other than cy (chat tests use a circle the live tests don't). */
function circleMate(): string {
  return djangoAnswer(
    'from core.circles.models import UserThriveProfile as P\n' +
      "cy = P.objects.get(user__username='creator_cy')\n" +
      'mates = P.objects.filter(current_circle=cy.current_circle).exclude(pk=cy.pk)\n' +
      "print(mates.order_by('user__username').values_list('user__username', flat=True)[0])",
  );
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  await waitForCircle(page);
  return page;
}

const chat = (page: Page) => page.getByRole('region', { name: 'Circle chat' });
const isLive = (page: Page) =>
  expect(page.getByRole('region', { name: 'Circle activity' }).getByText('Live', { exact: true })).toBeVisible();

async function say(page: Page, text: string) {
  await chat(page).getByRole('textbox', { name: 'Message your circle' }).fill(text);
  await chat(page).getByRole('button', { name: 'Send', exact: true }).click();
}

test('a message reaches the other member live, as plain text that creates no element', async ({ browser }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const attack = `Hi ${stamp} <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>`;
  const cy = await signedIn(browser, 'creator_cy');
  const mate = await signedIn(browser, circleMate());
  await isLive(cy);
  await isLive(mate);
  await mate.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await say(cy, attack);
  const line = chat(mate).getByTestId('chat-message').filter({ hasText: `Hi ${stamp}` });
  await expect(line.getByTestId('chat-text')).toHaveText(attack);
  expect(await mate.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  for (const page of [cy, mate]) {
    const text = chat(page).getByTestId('chat-message').filter({ hasText: `Hi ${stamp}` }).getByTestId('chat-text');
    await expect(text).toHaveText(attack);
    await expect(text.locator('*')).toHaveCount(0); // no <img>, <script> or <b> made from the message
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  const { violations } = await new AxeBuilder({ page: mate }).include('section:has([aria-label="Circle chat messages"])').analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
  // After a reload (from the history, not the socket) it is still text.
  await mate.reload();
  await waitForCircle(mate);
  const reloaded = chat(mate).getByTestId('chat-message').filter({ hasText: `Hi ${stamp}` }).getByTestId('chat-text');
  await expect(reloaded).toHaveText(attack);
  await expect(reloaded.locator('*')).toHaveCount(0);
  await cy.context().close();
  await mate.context().close();
});

test('a message a moderator hides disappears for both members, live', async ({ browser }) => {
  test.setTimeout(120_000);
  const text = `Please hide this ${Date.now()}`;
  const cy = await signedIn(browser, 'creator_cy');
  const mate = await signedIn(browser, circleMate());
  await isLive(cy);
  await isLive(mate);
  await say(mate, text);
  for (const page of [cy, mate]) await expect(chat(page).getByText(text)).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await staff.goto(`/admin/chat/chatmessage/?q=${encodeURIComponent(text)}`);
  await staff.getByLabel('Username').fill('staff_sky');
  await staff.getByLabel('Password').fill(PASSWORD);
  await staff.getByRole('button', { name: 'Log in' }).click();
  await expect(staff.locator('#result_list tbody tr')).toHaveCount(1);
  await staff.locator('#result_list tbody input[type=checkbox]').check();
  await staff.locator('select[name=action]').selectOption('hide');
  await staff.locator('button[name=index]').click();
  await expect(staff.locator('#result_list tbody tr').first()).toContainText(text);

  for (const page of [cy, mate]) {
    await expect(chat(page).getByText(text)).toHaveCount(0);
    await expect(chat(page).getByText('Removed by a moderator').first()).toBeVisible();
  }
  await staff.context().close();
  await cy.context().close();
  await mate.context().close();
});
