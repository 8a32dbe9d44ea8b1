import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { waitForCircle } from './support';

const PASSWORD = 'green-otter-lantern';

/** The newest email the server wrote (scripts/e2e.sh points the file backend at EMAIL_FILE_PATH). */
function latestEmailTo(address: string): string {
  const dir = process.env.EMAIL_FILE_PATH;
  if (!dir) throw new Error('EMAIL_FILE_PATH is not set: run through scripts/e2e.sh');
  const bodies = readdirSync(dir)
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .filter((body) => body.includes(`To: ${address}`));
  if (bodies.length === 0) throw new Error(`no email to ${address}`);
  return bodies[bodies.length - 1];
}

test('a visitor signs up, meets the tour and has a seat in a Thrive Circle', async ({ page }) => {
  const username = `maya_${Date.now()}`;
  await page.goto('/play/thrive-circle');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByRole('region', { name: 'What is Thrive Circles?' })).toContainText('No rankings');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This password is too common.')).toBeVisible();

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/play/thrive-circle');
  await waitForCircle(page);
  await expect(page.getByRole('dialog')).toBeVisible(); // the first-visit tour
  const circle = await (await page.request.get('/api/v1/me/thrive-circle/')).json();
  expect(circle.current_circle).not.toBeNull();
  expect(circle.circle_status).toBe('active');
});

test('a forgotten password is reset through the emailed link', async ({ page }) => {
  const username = `reset_${Date.now()}`;
  const email = `${username}@example.com`;
  await page.goto('/signup');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await waitForCircle(page);
  await page.getByRole('button', { name: /skip/i }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('status')).toContainText('a reset link is on its way');

  const link = latestEmailTo(email).match(/http:\/\/\S+\/reset-password\?uid=[\w-]+&token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await page.getByLabel('New password').fill('blue-heron-compass');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed');

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('blue-heron-compass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForCircle(page);
});
