import { expect, test, type Response } from '@playwright/test';
import { createMember, djangoShell, signIn, waitForCircle } from './support';

const isDailyLogin = (response: Response) =>
  response.url().endsWith('/api/v1/me/daily-login/') && response.request().method() === 'POST';

test('the first page load of a new day counts the login once; reading the session counts nothing', async ({ page }) => {
  test.slow(); // two Django shells set the scene
  const username = `daily_${Date.now()}`;
  createMember(username);

  // Signing in counts the day, so the app's own POST on its first load finds it counted.
  const afterSignIn = page.waitForResponse(isDailyLogin);
  await signIn(page, username);
  await waitForCircle(page);
  expect((await afterSignIn).status()).toBe(200);

  // The next morning, with the session still alive: yesterday was the last day counted.
  djangoShell(
    `from datetime import timedelta; from django.utils import timezone; from django.contrib.auth import get_user_model; get_user_model().objects.filter(username=${JSON.stringify(username)}).update(last_login_date=timezone.localdate() - timedelta(days=1))`,
  );
  for (let i = 0; i < 3; i++) {
    const session = await page.request.get('/api/v1/auth/session/');
    expect((await session.json()).user.username).toBe(username);
  }

  const firstLoad = page.waitForResponse(isDailyLogin);
  await page.reload();
  const counted = await firstLoad;
  expect(counted.status()).toBe(201);
  expect(await counted.json()).toMatchObject({ awarded: true, current_streak: 2 });
  await waitForCircle(page);

  const secondLoad = page.waitForResponse(isDailyLogin);
  await page.reload();
  expect((await secondLoad).status()).toBe(200);
  expect(await (await secondLoad).json()).toMatchObject({ awarded: false, current_streak: 2, points_awarded: 0 });
});
