import { act, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { callsTo, mockApi } from '../../test/mockApi';
import { renderWithProviders } from '../../test/render';
import { ViewedWhenVisible } from './ViewedWhenVisible';

const VIEWS = '/api/v1/me/views/';

test('counts the feed once, when it first comes into view', async () => {
  const fetchMock = mockApi({ [`POST ${VIEWS}`]: () => new Response(null, { status: 204 }) });
  let report: (entries: { isIntersecting: boolean }[]) => void = () => {};
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: typeof report) {
        report = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
  renderWithProviders(
    <ViewedWhenVisible feature="activity_feed">
      <p>The feed</p>
    </ViewedWhenVisible>,
  );
  expect(screen.getByText('The feed')).toBeInTheDocument();
  expect(callsTo(fetchMock, 'POST', VIEWS)).toHaveLength(0);

  await act(async () => report([{ isIntersecting: true }]));
  await act(async () => report([{ isIntersecting: true }]));
  const calls = callsTo(fetchMock, 'POST', VIEWS);
  expect(calls).toHaveLength(1);
  expect(JSON.parse(String(calls[0][1]?.body))).toEqual({ feature: 'activity_feed' });
});

test('a failed count changes nothing on the page', async () => {
  mockApi({ [`POST ${VIEWS}`]: () => new Response('{}', { status: 500 }) });
  renderWithProviders(
    <ViewedWhenVisible feature="activity_feed">
      <p>The feed</p>
    </ViewedWhenVisible>,
  );
  await act(async () => {});
  expect(screen.getByText('The feed')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});
