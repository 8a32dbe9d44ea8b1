import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { invalidateXPQueries, thriveCircleKeys } from './thriveCircles';

test('after an award, the circle page kept in the cache is dropped, so old XP numbers never show on the way back', async () => {
  const queryClient = new QueryClient();
  queryClient.setQueryData(thriveCircleKeys.yourCircle(), { user_profile: { total_xp: 100 } });
  queryClient.setQueryData(thriveCircleKeys.xpHistory(50), { pages: [], pageParams: [] });

  await invalidateXPQueries(queryClient);

  expect(queryClient.getQueryData(thriveCircleKeys.yourCircle())).toBeUndefined();
  expect(queryClient.getQueryData(thriveCircleKeys.xpHistory(50))).toBeUndefined();
});

test('a circle page on screen keeps its data while it refetches in place', async () => {
  const queryClient = new QueryClient();
  let total = 100;
  const observer = new QueryObserver(queryClient, {
    queryKey: thriveCircleKeys.yourCircle(),
    queryFn: async () => ({ user_profile: { total_xp: total } }),
  });
  const unsubscribe = observer.subscribe(() => {});
  await queryClient.fetchQuery({ queryKey: thriveCircleKeys.yourCircle(), queryFn: async () => ({ user_profile: { total_xp: total } }) });
  total = 135;

  await invalidateXPQueries(queryClient);

  expect(queryClient.getQueryData(thriveCircleKeys.yourCircle())).toEqual({ user_profile: { total_xp: 135 } });
  unsubscribe();
});
