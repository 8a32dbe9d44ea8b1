import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('a project is created, published and reaches a milestone, each earning XP', async ({ page }) => {
  const title = `Prompt garden ${Date.now()}`;
  await signIn(page, 'creator_cy', '/projects/new');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: /^Nice work!|Thanks for taking part!/ })).toBeVisible();
  await page.getByRole('link', { name: 'Publish it and mark milestones in Your projects' }).click();

  const project = page.getByRole('article', { name: title });
  await expect(project).toContainText('Not published yet');
  await project.getByRole('button', { name: 'Publish' }).click();
  await expect(project.getByRole('status')).toContainText('Published: your circle can see it now! (+15 XP)');
  await expect(project).toContainText(/Published \w/);
  await expect(project.getByRole('button', { name: 'Publish' })).toHaveCount(0);

  await project.getByLabel('Milestone reached').fill('First working version');
  await project.getByRole('button', { name: 'Mark milestone' }).click();
  await expect(project.getByRole('status')).toContainText('Milestone reached: First working version!');
  await expect(project.getByRole('list', { name: 'Milestones' })).toContainText('First working version');

  await page.goto('/play/thrive-circle/history');
  const history = page.getByRole('list', { name: 'XP events' });
  await expect(history.getByText(`Published a project: ${title}`)).toBeVisible();
  await expect(history.getByText(`Reached a project milestone: ${title}: First working version`)).toBeVisible();
});
