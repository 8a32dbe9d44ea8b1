import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { SectionErrorBoundary } from './SectionErrorBoundary';

let shouldThrow = true;
function Flaky() {
  if (shouldThrow) throw new Error('boom');
  return <p>Recovered</p>;
}

test('contains a crashing section and lets the viewer retry it', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  render(
    <>
      <SectionErrorBoundary section="your circle activity">
        <Flaky />
      </SectionErrorBoundary>
      <p>Sibling section</p>
    </>,
  );

  expect(screen.getByRole('alert')).toHaveTextContent("We couldn't show your circle activity.");
  expect(screen.getByText('Sibling section')).toBeInTheDocument();

  shouldThrow = false;
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(screen.getByText('Recovered')).toBeInTheDocument();
});
