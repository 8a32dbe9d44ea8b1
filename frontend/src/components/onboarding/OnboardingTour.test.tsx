import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import OnboardingTour from './OnboardingTour';
import { TOUR_STEPS, tourSteps } from './tourSteps';

/** The page's sections the tour points at, plus something focused before it opened. */
function renderPage({ without = [] as string[] } = {}) {
  const onClose = vi.fn();
  const page = render(
    <main id="main" tabIndex={-1}>
      <button type="button">Something on the page</button>
      {TOUR_STEPS.filter((step) => !without.includes(step.target)).map((step) => (
        <section key={step.target} data-tour={step.target}>
          {step.target}
        </section>
      ))}
    </main>,
  );
  screen.getByRole('button', { name: 'Something on the page' }).focus();
  render(<OnboardingTour onClose={onClose} />);
  return { onClose, page };
}

test('opens as a modal dialog on the first step, with focus on "Next" and the page inert', () => {
  const { page } = renderPage();

  const dialog = screen.getByRole('dialog', { name: "You're growing!" });
  expect(dialog).toHaveAttribute('aria-modal', 'true');
  expect(dialog).toHaveAccessibleDescription(/your progress toward the next one/);
  expect(dialog).toHaveTextContent('Step 1 of 5');
  expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
  expect(page.container).toHaveAttribute('inert');
  expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
});

test('walks through the level, the circle, the countdown, the actions and the feed, announcing each step', async () => {
  renderPage();
  const seen = [screen.getByRole('heading', { level: 2 }).textContent];
  for (let step = 1; step < TOUR_STEPS.length; step++) {
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    seen.push(screen.getByRole('heading', { level: 2 }).textContent);
    expect(screen.getByRole('dialog')).toHaveTextContent(`Step ${step + 1} of 5`);
    expect(screen.getByText(/^Step \d of 5: /)).toHaveTextContent(
      `Step ${step + 1} of 5: ${TOUR_STEPS[step].title}. ${TOUR_STEPS[step].body}`,
    );
  }
  expect(seen).toEqual([
    "You're growing!",
    'Meet your Thrive Circle',
    'A fresh start every week',
    'Ways to grow this week',
    'See your circle in action',
  ]);
  expect(TOUR_STEPS.map((step) => step.target)).toEqual([
    'level-progress',
    'circle',
    'countdown',
    'recommended-actions',
    'feed',
  ]);
  expect(screen.getByRole('button', { name: 'Finish' })).toHaveFocus();
});

test('"Back" returns to the previous step', async () => {
  renderPage();
  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  await userEvent.click(screen.getByRole('button', { name: 'Back' }));
  expect(screen.getByRole('dialog', { name: "You're growing!" })).toBeInTheDocument();
});

test('finishing closes it once, not skipped', async () => {
  const { onClose } = renderPage();
  for (let step = 1; step < TOUR_STEPS.length; step++) {
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  }
  await userEvent.click(screen.getByRole('button', { name: 'Finish' }));
  expect(onClose).toHaveBeenCalledTimes(1);
  expect(onClose).toHaveBeenCalledWith(false);
});

test('can be skipped with the button', async () => {
  const { onClose } = renderPage();
  await userEvent.click(screen.getByRole('button', { name: 'Skip tour' }));
  expect(onClose).toHaveBeenCalledWith(true);
});

test('Escape skips it', async () => {
  const { onClose } = renderPage();
  await userEvent.keyboard('{Escape}');
  expect(onClose).toHaveBeenCalledExactlyOnceWith(true);
});

test('the arrow keys step forward and back', async () => {
  renderPage();
  await userEvent.keyboard('{ArrowRight}');
  expect(screen.getByRole('dialog', { name: 'Meet your Thrive Circle' })).toBeInTheDocument();
  await userEvent.keyboard('{ArrowLeft}');
  expect(screen.getByRole('dialog', { name: "You're growing!" })).toBeInTheDocument();
});

test('Tab stays inside the dialog', async () => {
  renderPage();
  await userEvent.click(screen.getByRole('button', { name: 'Next' })); // now Skip, Back, Next
  const buttons = ['Skip tour', 'Back', 'Next'].map((name) => screen.getByRole('button', { name }));

  buttons[2].focus();
  await userEvent.tab();
  expect(buttons[0]).toHaveFocus();
  await userEvent.tab({ shift: true });
  expect(buttons[2]).toHaveFocus();
});

test('once closed (unmounted by the page), the page is usable again and focus is back where it was', () => {
  const onClose = vi.fn();
  const page = render(
    <main id="main" tabIndex={-1}>
      <button type="button">Something on the page</button>
    </main>,
  );
  const before = screen.getByRole('button', { name: 'Something on the page' });
  before.focus();
  const tour = render(<OnboardingTour onClose={onClose} />);
  expect(page.container).toHaveAttribute('inert');

  tour.unmount();
  expect(page.container).not.toHaveAttribute('inert');
  expect(before).toHaveFocus();
});

test('highlights the step’s section, and still works when a section is missing', async () => {
  renderPage({ without: ['circle'] });
  const spotlight = screen.getByTestId('tour-spotlight');
  await waitFor(() => expect(spotlight).not.toHaveClass('hidden'));

  await userEvent.click(screen.getByRole('button', { name: 'Next' }));
  expect(screen.getByRole('dialog', { name: 'Meet your Thrive Circle' })).toBeInTheDocument();
  expect(spotlight).toHaveClass('hidden');
});

test('a step that fits on screen scrolls only as far as it must, so the first step keeps the page title in view', () => {
  const scrollIntoView = vi.fn();
  Element.prototype.scrollIntoView = scrollIntoView;
  try {
    renderPage();
    const firstTarget = document.querySelector('[data-tour="level-progress"]');
    expect(scrollIntoView).toHaveBeenCalled();
    expect(scrollIntoView.mock.contexts[0]).toBe(firstTarget);
    expect(scrollIntoView.mock.calls[0][0]).toMatchObject({ block: 'nearest' });
  } finally {
    delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
  }
});

test('the countdown step tells the real reset on the person’s clock, not "midnight"', () => {
  const countdown = tourSteps('Sunday 17:00').find((step) => step.target === 'countdown')!;
  expect(countdown.body).toContain('Circles reset every week, Sunday 17:00 your time.');
  expect(TOUR_STEPS.map((step) => step.body).join(' ')).not.toContain('midnight');
});
