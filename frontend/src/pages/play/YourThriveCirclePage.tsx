import { lazy, Suspense, useState, type ReactNode } from 'react';
import { CircleChatPanel } from '../../components/chat/CircleChatPanel';
import { WhatAreThriveCirclesPanel } from '../../components/help/WhatAreThriveCircles';
import { ViewedWhenVisible } from '../../components/insights/ViewedWhenVisible';
import { CircleGoalCard } from '../../components/thriveCircle/CircleGoalCard';
import { CircleActivityFeed } from '../../components/thriveCircle/CircleActivityFeed';
import { CircleInfoCard } from '../../components/thriveCircle/CircleInfoCard';
import { WeeklyQuestsCard } from '../../components/quests/WeeklyQuestsCard';
import { CircleMembers } from '../../components/thriveCircle/CircleMembers';
import { LiveIndicator, OnlineNow } from '../../components/thriveCircle/LiveIndicator';
import { LevelProgressCard } from '../../components/thriveCircle/LevelProgressCard';
import { LevelUpCelebration } from '../../components/thriveCircle/LevelUpCelebration';
import { RecommendedActionsCard } from '../../components/thriveCircle/RecommendedActionsCard';
import { ThriveCircleSkeleton } from '../../components/thriveCircle/ThriveCircleSkeleton';
import { tourSteps, type TourTarget } from '../../components/onboarding/tourSteps';
import { UserStatsCard } from '../../components/thriveCircle/UserStatsCard';
import { Button } from '../../components/ui/Button';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageHeader } from '../../components/ui/PageHeader';
import { SectionErrorBoundary } from '../../components/ui/SectionErrorBoundary';
import { usePageVisibleTime } from '../../hooks/usePageVisibleTime';
import { formatWeekRange } from '../../lib/format';
import { formatResetShort } from '../../lib/resetTime';
import { ApiError, errorMessage } from '../../services/api';
import { useChatMute, useCircleChat, useReportChatMessage, useSendChatMessage } from '../../services/chat';
import { FEED_LENGTH, useLiveCircle, type LiveSnapshot } from '../../services/liveCircle';
import { useMarkCelebrated, useMoments } from '../../services/moments';
import { useOnboarding } from '../../services/onboarding';
import { useMyQuests } from '../../services/quests';
import { useDetectTimeZone, useSettings, useUpdateSettings, useViewerTimeZone } from '../../services/settings';
import {
  useCircleTogether,
  useGiveKudos,
  useLoginStreak,
  useOlderCircleActivity,
  useYourThriveCircle,
} from '../../services/thriveCircles';
import { useRecordView } from '../../services/views';
import type { LevelUp } from '../../types/moments';
import type { ReactionKey, ThriveCircleData, XPEvent } from '../../types/thriveCircles';

// Shown once per user, so it stays out of the page's main bundle.
const OnboardingTour = lazy(() => import('../../components/onboarding/OnboardingTour'));

export default function YourThriveCirclePage() {
  const live = useLiveCircle();
  const { data, error, isError, isFetching, refetch, dataUpdatedAt } = useYourThriveCircle({ isLive: live.status === 'live' });
  useRecordView('thrive_circle_page'); // counted for the success metrics
  usePageVisibleTime(); // so is the time the page is visible
  const onboarding = useOnboarding();
  const moments = useMoments();
  const markCelebrated = useMarkCelebrated();
  const timeZone = useViewerTimeZone();
  useDetectTimeZone(); // first visit: the browser's zone becomes the person's
  const retry = () => void refetch();
  // First visit (on any device): the tour, once the sections it points at are on the page.
  const showTour = Boolean(data) && onboarding.isTourDue;
  // A new level is celebrated once (on any device), after the tour if both are due.
  const celebration = data && !showTour && !markCelebrated.isPending ? moments.data?.celebration : null;

  let body: ReactNode;
  if (data) {
    body = (
      <>
        {isError && <RefreshWarning onRetry={retry} isRetrying={isFetching} />}
        <ThriveCircleSections
          data={data}
          levelUps={moments.data?.circle_level_ups ?? []}
          live={live}
          // The server's countdown is anchored to when we received it, so a
          // wrong clock on this device can't skew the timer.
          resetAt={dataUpdatedAt + data.time_until_reset_seconds * 1000}
          onResetElapsed={retry}
          timeZone={timeZone}
        />
      </>
    );
  } else if (isError) {
    body = (
      <ErrorState title="We couldn't load Your Thrive Circle." error={error} onRetry={retry} isRetrying={isFetching} />
    );
  } else {
    body = <ThriveCircleSkeleton />;
  }

  return (
    <>
      <PageHeader
        title="Your Thrive Circle"
        description={
          data
            ? `Week of ${formatWeekRange(data.week_start, data.week_end)} · grow together, no rankings.`
            : 'Grow together with your circle — no rankings, just progress.'
        }
      />
      <WhatAreThriveCirclesPanel />
      <RestingNote />
      {body}
      {celebration && (
        <LevelUpCelebration celebration={celebration} onClose={() => markCelebrated.mutate(celebration.id)} />
      )}
      {showTour && (
        <Suspense fallback={null}>
          <OnboardingTour
            onClose={onboarding.markTourSeen}
            steps={tourSteps(data ? formatResetShort(data.reset_at, timeZone) : undefined)}
          />
        </Suspense>
      )}
    </>
  );
}

interface SectionsProps {
  data: ThriveCircleData;
  levelUps: LevelUp[];
  live: LiveSnapshot;
  resetAt: number;
  onResetElapsed: () => void;
  /** The viewer's zone (their setting, else this browser's): times are shown in it. */
  timeZone: string;
}

/**
 * Two columns on large screens. On small screens the columns dissolve
 * (`contents`) so `order` can interleave them: stats, progress, then the
 * circle's members (on a phone they were four screens down), the circle,
 * quests and actions, then the longer feed, the goal and the chat.
 */
function ThriveCircleSections({ data, levelUps, live, resetAt, onResetElapsed, timeZone }: SectionsProps) {
  // Quests load on their own: the circle shows at once, and a quests outage only hides the card.
  const quests = useMyQuests();
  const streak = useLoginStreak();
  const kudos = useGiveKudos({ isLive: live.status === 'live' });
  const viewer = data.user_profile.username;
  return (
    <div className="flex flex-col gap-6 lg:grid lg:grid-cols-3 lg:items-start">
      <div className="contents lg:col-span-2 lg:flex lg:flex-col lg:gap-6">
        <Section order="order-1" name="your stats">
          <UserStatsCard
            profile={data.user_profile}
            level={data.current_level}
            isTopLevel={data.next_level === null}
            streak={streak.data}
          />
        </Section>
        <Section order="order-2" name="your level progress" tour="level-progress">
          <LevelProgressCard
            currentLevel={data.current_level}
            nextLevel={data.next_level}
            totalXp={data.user_profile.total_xp}
            xpToNextLevel={data.xp_to_next_level}
          />
        </Section>
        {data.current_circle?.is_current_week && (
          <Section order="order-7" name="your circle's goal">
            <CircleTogetherSection isLive={live.status === 'live'} />
          </Section>
        )}
        <Section order="order-6" name="your circle's activity" tour="feed">
          <ViewedWhenVisible feature="activity_feed">
            <CircleFeedSection
              recent={data.recent_activity}
              levelUps={levelUps}
              viewerUsername={viewer}
              onKudos={(eventId, reaction) => kudos.mutate({ eventId, reaction })}
              timeZone={timeZone}
              aside={<LiveIndicator status={live.status} />}
              header={<OnlineNow online={live.online} viewerUsername={viewer} />}
            />
          </ViewedWhenVisible>
        </Section>
      </div>
      <div className="contents lg:flex lg:flex-col lg:gap-6">
        <Section order="order-4" name="your circle" tour="circle">
          <CircleInfoCard
            circle={data.current_circle}
            status={data.circle_status}
            weekStart={data.week_start}
            weekEnd={data.week_end}
            resetAt={resetAt}
            onResetElapsed={onResetElapsed}
            theme={quests.data?.theme}
            resetLocal={formatResetShort(data.reset_at, timeZone)}
            why={data.why}
          />
        </Section>
        {quests.data && (
          <Section order="order-5" name="this week's quests">
            <WeeklyQuestsCard data={quests.data} now={resetAt - data.time_until_reset_seconds * 1000} />
          </Section>
        )}
        <Section order="order-5" name="ways to earn XP" tour="recommended-actions">
          <RecommendedActionsCard actions={data.recommended_actions} />
        </Section>
        <Section order="order-3" name="your circle's members">
          <CircleMembers members={data.circle_members} />
        </Section>
        {data.current_circle?.is_current_week && (
          <Section order="order-8" name="your circle's chat">
            <CircleChatSection isLive={live.status === 'live'} viewerUsername={viewer} />
          </Section>
        )}
      </div>
    </div>
  );
}

interface CircleFeedSectionProps {
  /** The page's newest FEED_LENGTH items (and the live ones since). */
  recent: XPEvent[];
  levelUps: LevelUp[];
  viewerUsername: string;
  onKudos: (eventId: string, reaction: ReactionKey) => void;
  aside: ReactNode;
  header: ReactNode;
  /** The viewer's IANA zone for the items' exact times. */
  timeZone?: string;
}

/** The circle's feed: the page's newest items, then older ones page by page on "Show more". */
function CircleFeedSection({ recent, levelUps, viewerUsername, onKudos, aside, header, timeZone }: CircleFeedSectionProps) {
  const [wantsOlder, setWantsOlder] = useState(false);
  const hasFullPage = recent.length >= FEED_LENGTH;
  const older = useOlderCircleActivity(recent.at(-1)?.id ?? null, wantsOlder && hasFullPage);
  const shown = new Set(recent.map((event) => event.id));
  const olderEvents = (older.data?.pages ?? []).flatMap((page) => page.events).filter((event) => !shown.has(event.id));
  const canShowMore = hasFullPage && (!wantsOlder || older.hasNextPage || older.isPending || older.isError);
  const showMore = () => {
    if (!wantsOlder) setWantsOlder(true);
    else if (!older.data) void older.refetch();
    else void older.fetchNextPage();
  };
  const loading = wantsOlder && (older.isPending || older.isFetchingNextPage);
  const footer = (
    <>
      {older.isError && (
        <p role="alert" className="mt-3 text-sm text-rose-800">
          {errorMessage(older.error)}
        </p>
      )}
      {canShowMore && (
        <div className="mt-3 text-center">
          <Button variant="secondary" onClick={showMore} disabled={loading}>
            {loading ? 'Loading…' : 'Show more'}
          </Button>
        </div>
      )}
    </>
  );
  return (
    <CircleActivityFeed
      events={[...recent, ...olderEvents]}
      levelUps={levelUps}
      viewerUsername={viewerUsername}
      onKudos={onKudos}
      aside={aside}
      header={header}
      footer={footer}
      timeZone={timeZone}
    />
  );
}

interface SectionProps {
  /** Literal Tailwind order class, used only while the columns are dissolved. */
  order: 'order-1' | 'order-2' | 'order-3' | 'order-4' | 'order-5' | 'order-6' | 'order-7' | 'order-8';
  name: string;
  /** What the first-visit tour calls this section, if it stops here. */
  tour?: TourTarget;
  children: ReactNode;
}

function Section({ order, name, tour, children }: SectionProps) {
  return (
    <div className={`${order} min-w-0 lg:order-none`} data-tour={tour}>
      <SectionErrorBoundary section={name}>{children}</SectionErrorBoundary>
    </div>
  );
}

/** The circle's shared goal and its week against its own last; quiet while it loads. */
function CircleTogetherSection({ isLive }: { isLive: boolean }) {
  const { data } = useCircleTogether({ isLive });
  return data ? <CircleGoalCard together={data} /> : null;
}

/** The circle's chat; no panel at all when chat is off or the viewer has no circle (404). */
function CircleChatSection({ isLive, viewerUsername }: { isLive: boolean; viewerUsername: string }) {
  const chat = useCircleChat({ isLive });
  const send = useSendChatMessage();
  const report = useReportChatMessage();
  const mute = useChatMute();
  if (!chat.data) {
    if (chat.error instanceof ApiError && chat.error.status === 404) return null;
    return chat.isError ? <ErrorState title="We couldn't load the chat." error={chat.error} onRetry={() => void chat.refetch()} isRetrying={chat.isFetching} /> : null;
  }
  const first = chat.data.pages[0];
  return (
    <CircleChatPanel
      messages={chat.data.pages.flatMap((page) => page.messages)}
      viewerUsername={viewerUsername}
      status={first.status}
      mutedUntil={first.muted_until}
      mutedUsernames={first.muted_usernames}
      maxLength={first.max_length}
      hasOlder={chat.hasNextPage}
      isLoadingOlder={chat.isFetchingNextPage}
      onLoadOlder={() => void chat.fetchNextPage()}
      onSend={(text) => send.mutateAsync(text)}
      onReport={(id, reason) => report.mutateAsync({ id, reason })}
      onMute={(username, muted) => mute.mutate({ username, muted })}
      sendError={send.isError ? errorMessage(send.error) : null}
    />
  );
}

function RefreshWarning({ onRetry, isRetrying }: { onRetry: () => void; isRetrying: boolean }) {
  return (
    <div
      role="status"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200"
    >
      <p>We couldn't refresh just now, so you're seeing the latest we had. We'll keep trying.</p>
      <Button variant="secondary" onClick={onRetry} disabled={isRetrying}>
        {isRetrying ? 'Refreshing…' : 'Refresh now'}
      </Button>
    </div>
  );
}

/** A person resting this week sits in no circle: say so (rather than "forming"), and let them come back. */
function RestingNote() {
  const settings = useSettings();
  const update = useUpdateSettings();
  if (settings.data?.rest_week.status !== 'resting') return null;
  return (
    <div
      role="status"
      className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl bg-sky-50 p-4 text-sky-950 ring-1 ring-sky-200"
    >
      <p>
        <strong>You're resting this week.</strong> Your streak and freezes are waiting; come back whenever you like.
      </p>
      <Button disabled={update.isPending} onClick={() => update.mutate({ resting: false })}>
        Come back now
      </Button>
    </div>
  );
}
