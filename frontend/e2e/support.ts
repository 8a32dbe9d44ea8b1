import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'thrive-demo';
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

/** Rank-like labels that must never appear: Thrive Circles has no rankings. */
export const RANK_LABELS = /#\d|\b(1st|2nd|3rd|rank|ranked|ranking|leaderboard)\b/i;

/** Opens `target`, gets sent to /login, signs in and lands back on `target`. */
export async function signIn(page: Page, username: string, target = '/play/thrive-circle') {
  await page.goto(target);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(target);
}

/** Waits for the circle page's data rather than its skeleton. */
export async function waitForCircle(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Your Thrive Circle' })).toBeVisible();
  await expect(page.getByRole('timer')).toBeVisible();
}

/** The whole page by default; `fullPage: false` for what the viewport shows (e.g. fixed overlays). */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Runs Python in the server's Django project and database (DATABASE_URL comes
 * from scripts/e2e.sh), to put the data into states the UI can't reach.
 */
export function djangoShell(code: string) {
  const python = process.env.E2E_PYTHON ?? path.join(PROJECT_ROOT, '.venv/bin/python');
  execFileSync(python, ['manage.py', 'shell', '-c', code], { cwd: PROJECT_ROOT, stdio: 'pipe' });
}

/** A signed-up member who finished onboarding, with the demo password: a newcomer with no XP yet. */
export function createMember(username: string) {
  djangoShell(
    `from django.contrib.auth import get_user_model; from core.launch.services import complete_onboarding; complete_onboarding(get_user_model().objects.create_user(${JSON.stringify(username)}, password=${JSON.stringify(PASSWORD)}))`,
  );
}
