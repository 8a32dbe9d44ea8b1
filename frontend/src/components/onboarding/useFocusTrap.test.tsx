import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { expect, test, vi } from 'vitest';
import { useFocusTrap } from './useFocusTrap';

function Trap({ onEscape = () => {} }: { onEscape?: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const initialFocus = useRef<HTMLButtonElement>(null);
  useFocusTrap(container, { initialFocus, onEscape });
  return (
    <div ref={container} role="dialog" aria-label="Trap">
      <button type="button">One</button>
      <button type="button" ref={initialFocus}>
        Two
      </button>
      <button type="button">Three</button>
    </div>
  );
}

/** A page with a focused button, then the trap in its own branch of <body>, as a portal would be. */
function renderTrap(onEscape?: () => void) {
  const page = render(
    <main id="main" tabIndex={-1}>
      <button type="button">Opener</button>
    </main>,
  );
  const opener = screen.getByRole('button', { name: 'Opener' });
  opener.focus();
  const trap = render(<Trap onEscape={onEscape} />);
  const [one, two, three] = ['One', 'Two', 'Three'].map((name) => screen.getByRole('button', { name }));
  return { page, opener, trap, one, two, three };
}

test('focus starts on the initial control and the rest of the page is inert', () => {
  const { page, trap, two } = renderTrap();
  expect(two).toHaveFocus();
  expect(page.container).toHaveAttribute('inert');
  expect(trap.container).not.toHaveAttribute('inert');
});

test('Tab wraps from the last control to the first, Shift+Tab from the first to the last', async () => {
  const { one, two, three } = renderTrap();
  await userEvent.tab();
  expect(three).toHaveFocus();
  await userEvent.tab();
  expect(one).toHaveFocus();
  await userEvent.tab({ shift: true });
  expect(three).toHaveFocus();
  await userEvent.tab({ shift: true });
  expect(two).toHaveFocus();
});

test('Tab brings focus that got out back in', async () => {
  const { one, three } = renderTrap();
  (document.activeElement as HTMLElement).blur();
  await userEvent.tab();
  expect(one).toHaveFocus();
  (document.activeElement as HTMLElement).blur();
  await userEvent.tab({ shift: true });
  expect(three).toHaveFocus();
});

test('Escape calls the latest callback without moving focus back to the start', async () => {
  const first = vi.fn();
  const latest = vi.fn();
  const { trap, three } = renderTrap(first);
  three.focus();
  trap.rerender(<Trap onEscape={latest} />);
  expect(three).toHaveFocus();

  await userEvent.keyboard('{Escape}');
  expect(latest).toHaveBeenCalledOnce();
  expect(first).not.toHaveBeenCalled();
});

test('on unmount the page wakes up and focus returns to the opener', () => {
  const { page, trap, opener } = renderTrap();
  trap.unmount();
  expect(page.container).not.toHaveAttribute('inert');
  expect(opener).toHaveFocus();
});

test('focus goes to <main> when the opener is gone, and what was inert before stays inert', () => {
  const asleep = document.createElement('div');
  asleep.setAttribute('inert', '');
  document.body.appendChild(asleep);
  const { trap, opener } = renderTrap();
  opener.remove();

  trap.unmount();
  expect(screen.getByRole('main')).toHaveFocus();
  expect(asleep).toHaveAttribute('inert');
  asleep.remove();
});
