import { expect, test } from '@playwright/test';
import { djangoShell, signIn } from './support';

test.setTimeout(60_000);

test('a question written in the admin is drawn into quizzes, scored and explained', async ({ page }) => {
  const stamp = Date.now();
  const prompt = `Which colour is the sky on a clear day? (${stamp})`;
  await signIn(page, 'staff_sky', '/help/thrive-circles'); // the app's session opens the admin too
  await page.goto('/admin/activities/question/add/');
  await page.getByLabel('Prompt').fill(prompt);
  await page.getByLabel('Explanation').fill('Air scatters blue light the most.');
  await page.locator('input[name="choices-0-text"]').fill('Blue');
  await page.locator('input[name="choices-0-is_correct"]').check();
  await page.locator('input[name="choices-1-text"]').fill('Green');
  await page.locator('input[name="choices-1-is_correct"]').check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Mark exactly one choice as the right answer.')).toBeVisible();
  await page.locator('input[name="choices-1-is_correct"]').uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/was added successfully/)).toBeVisible();

  // Only this question and two others stay active, so the next quiz draws it.
  djangoShell(
    `from core.activities.models import Question
keep = [Question.objects.get(prompt=${JSON.stringify(prompt)}).pk] + list(Question.objects.exclude(prompt=${JSON.stringify(prompt)}).filter(is_active=True).values_list("pk", flat=True)[:2])
Question.objects.exclude(pk__in=keep).update(is_active=False)`,
  );
  try {
    await page.goto('/quick-quizzes');
    const question = page.getByRole('group', { name: new RegExp(prompt.replace(/[()?]/g, '\\$&')) });
    await expect(question).toBeVisible();
    await question.getByRole('radio', { name: 'Green' }).check();
    for (const other of await page.getByRole('group').all()) {
      if (!(await other.getByRole('radio', { checked: true }).count())) await other.getByRole('radio').first().check();
    }
    await page.getByRole('button', { name: 'Finish quiz' }).click();
    await expect(page.getByRole('heading', { name: /^Nice work! \+\d+ XP$/ })).toBeVisible();
    const review = page.getByRole('region', { name: 'Your answers explained' });
    await expect(review).toContainText('You chose “Green”. The right answer: Blue');
    await expect(review).toContainText('Air scatters blue light the most.');
  } finally {
    djangoShell('from core.activities.models import Question; Question.objects.update(is_active=True)');
  }
});
