import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { djangoShell, signIn, waitForCircle } from './support';

const ME = 'creator_cy';

/** A circle-mate of `username` gives them a clap on a fresh activity of theirs, as through the API
 * (the same service), from another process: the server hears it through the channel layer. */
function clapFromACircleMate(username: string) {
  djangoShell(
    [
      'from core.circles.models import UserThriveProfile as P',
      'from core.circles.services import XPService',
      'from core.live.services import give_kudos',
      `me = P.objects.select_related('user').get(user__username='${username}')`,
      "mate = P.objects.filter(current_circle=me.current_circle).exclude(pk=me.pk).select_related('user').order_by('user__username').first()",
      "event = XPService.add_xp(me.user, 10, 'quiz', 'Completed a Quick Quiz')",
      "give_kudos(mate.user, event.pk, reaction='clap')",
    ].join('\n'),
  );
}

/** Serious or critical accessibility problems in the page header (the bell, open or closed). */
async function headerViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('header').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

function unreadIn(label: string | null): number {
  const match = label?.match(/(\d+) unread/);
  return match ? Number(match[1]) : 0;
}

test('kudos from a circle-mate raise the bell, show in it and can be marked read', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, ME);
  await waitForCircle(page);
  const bell = page.getByRole('button', { name: /^Notifications, / });
  await expect(bell).toBeVisible();
  const before = unreadIn(await bell.getAttribute('aria-label'));
  expect(await headerViolations(page)).toEqual([]);

  clapFromACircleMate(ME);
  await expect(bell).toHaveAttribute('aria-label', `Notifications, ${before + 1} unread`);

  await bell.click();
  const panel = page.getByRole('region', { name: 'Your notifications' });
  await expect(panel.getByRole('listitem').first()).toContainText(/sent you a clap\. \(unread\)/);
  expect(await headerViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell).toHaveAttribute('aria-label', 'Notifications, none unread');
  await expect(panel.getByRole('listitem').first()).not.toContainText('(unread)');

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
});

test('the bell leads to the notification settings, which save', async ({ page }) => {
  await signIn(page, 'luminary_lu');
  await page.getByRole('button', { name: /^Notifications, / }).click();
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await expect(page).toHaveURL('/settings#notifications');
  const section = page.getByRole('region', { name: 'Notifications' });
  const recap = section.getByRole('checkbox', { name: /Weekly recap email/ });
  await expect(recap).toBeChecked();
  await recap.uncheck();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Weekly recap email/ })).not.toBeChecked();
});
