import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { WhatAreThriveCirclesText } from '../../components/help/WhatAreThriveCircles';
import { LevelBadge } from '../../components/thriveCircle/LevelBadge';
import { XPAmount } from '../../components/thriveCircle/XPAmount';
import { Card } from '../../components/ui/Card';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageHeader } from '../../components/ui/PageHeader';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { formatNumber } from '../../lib/format';
import { HOME_PATH } from '../../lib/paths';
import { formatLocalReset, formatResetShort } from '../../lib/resetTime';
import { useViewerTimeZone } from '../../services/settings';
import { useThriveCirclesHelp, useThriveLevels } from '../../services/thriveCircles';
import type { WayToEarn } from '../../types/thriveCircles';

/**
 * The plan's "Documentation for Users". The XP values, the next reset and the levels come from the
 * API, so the page always matches what the platform awards and when it resets.
 */
export default function ThriveCirclesHelpPage() {
  return (
    <>
      <PageHeader title="How Thrive Circles work" description="Everything you need to know, in two minutes." />
      <div className="grid gap-6 lg:grid-cols-2">
        <HelpSection title="What are Thrive Circles?">
          <WhatAreThriveCirclesText />
        </HelpSection>
        <HelpSection title="How do I earn XP?">
          <WaysToEarn />
        </HelpSection>
        <HelpSection title="When do Circles reset?">
          <ResetTimes />
        </HelpSection>
        <HelpSection title="Is this a competition?">
          <p>
            Not really! We don't show rankings or #1/#2 labels. It's about finding your community and staying
            motivated together. Everyone in your Circle is on a similar journey.
          </p>
          <p className="mt-3">
            Each Circle has a shared weekly goal: a little more XP than its members usually earn together. When the
            Circle reaches it, everyone who earned XP that week gets a small bonus. Your Circle's week is compared
            only with its own last week. There is no ranking between Circles, and no "most active Circle" table:
            we celebrate each Circle's own progress.
          </p>
        </HelpSection>
        <HelpSection title="How does my login streak count?">
          <StreakRules />
        </HelpSection>
        <HelpSection title="Why did an activity earn less XP?">
          <FairPlayRules />
        </HelpSection>
        <div className="lg:col-span-2">
          <HelpSection title="What are the levels?">
            <LevelTable />
          </HelpSection>
        </div>
      </div>
      <p className="mt-8">
        <Link to={HOME_PATH} className={linkClass}>
          Back to Your Thrive Circle
        </Link>
      </p>
    </>
  );
}

const linkClass = 'font-semibold text-indigo-700 underline underline-offset-2 hover:text-indigo-900';

function HelpSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} className="h-full">
      <div className="space-y-2 text-slate-700">{children}</div>
    </Card>
  );
}

/** The plan's list of ways to earn XP; each lists the XP its activities earn (from the points table). */
const EARNING_GROUPS: { sources: string[]; intro: ReactNode }[] = [
  {
    sources: ['quiz'],
    intro: (
      <>
        Complete <Link to="/quick-quizzes" className={linkClass}>Quick Quizzes</Link>
      </>
    ),
  },
  {
    sources: ['prompt_battle'],
    intro: (
      <>
        Participate in <Link to="/play/prompt-battle" className={linkClass}>Prompt Battles</Link>
      </>
    ),
  },
  {
    sources: ['project'],
    intro: (
      <>
        Create and share <Link to="/projects/new" className={linkClass}>Projects</Link>
      </>
    ),
  },
  { sources: ['daily_login', 'streak'], intro: 'Daily login streaks' },
  { sources: ['achievement'], intro: 'Achievements' },
];

function WaysToEarn() {
  const help = useThriveCirclesHelp();

  return (
    <>
      <ul className="space-y-4">
        {EARNING_GROUPS.map((group) => {
          const ways = help.data?.ways_to_earn.filter((way) => group.sources.includes(way.source)) ?? [];
          if (help.data && ways.length === 0) return null;
          return (
            <li key={group.sources.join()}>
              <p className="font-medium text-slate-900">{group.intro}</p>
              {help.data ? <XPValues ways={ways} /> : help.isPending && <Skeleton className="mt-2 h-6 w-2/3" />}
            </li>
          );
        })}
      </ul>
      {help.isError && (
        <ErrorState
          title="We couldn't load the XP values."
          error={help.error}
          onRetry={() => void help.refetch()}
          isRetrying={help.isFetching}
        />
      )}
    </>
  );
}

function XPValues({ ways }: { ways: WayToEarn[] }) {
  return (
    <ul className="mt-1 space-y-1" aria-label="XP earned">
      {ways.map((way) => (
        <li key={way.label} className="flex items-center justify-between gap-3 text-sm">
          <span>{way.label}</span>
          <XPAmount amount={way.xp} />
        </li>
      ))}
    </ul>
  );
}

function StreakRules() {
  const help = useThriveCirclesHelp();
  const xp = (activityType: string) => help.data?.ways_to_earn.find((way) => way.activity_type === activityType)?.xp;
  return (
    <>
      <p>
        Open Thrive Circles on a day and that day counts{xp('daily_login') ? ` (+${xp('daily_login')} XP)` : ''}. Come
        back the next day and your streak grows by one; miss a whole day and it starts again at 1.
      </p>
      <p>
        Every 7 days in a row earns a bonus{xp('week_streak') ? ` of ${xp('week_streak')} XP` : ''}, and every 30 days
        in a row a bigger one{xp('month_streak') ? ` of ${xp('month_streak')} XP` : ''}. Days follow your own time
        zone, set on the Settings page. Missed a day? A streak freeze (one earned per 7 days in a row, up to 2) keeps
        your streak going, and the days of a rest week never break it.
      </p>
    </>
  );
}

/** The admin's fair-play rules in plain words, so nobody meets a limit for the first time by hitting it. */
function FairPlayRules() {
  const help = useThriveCirclesHelp();
  return (
    <>
      <p>
        To keep things fair and fun, repeating the same activity many times in a day earns less, and some activities
        need a short pause between two. Everything you do still shows in your XP history.
      </p>
      {help.isPending && <Skeleton className="h-16" />}
      {help.data && help.data.fair_play.length > 0 && (
        <dl className="space-y-2 text-sm">
          {help.data.fair_play.map((rule) => (
            <div key={rule.activity_type}>
              <dt className="font-medium text-slate-900">{rule.label}</dt>
              {rule.rules.map((line) => (
                <dd key={line}>{line}</dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function ResetTimes() {
  const help = useThriveCirclesHelp();
  const timeZone = useViewerTimeZone();

  return (
    <>
      <p>
        {help.data ? `Every week, ${formatResetShort(help.data.reset_at, timeZone)} your time` : 'Once a week'}. Your
        weekly XP resets to 0, but your total XP stays forever. You'll be placed in a new Circle based on your total XP
        level.
      </p>
      {help.data && (
        <p className="rounded-lg bg-indigo-50 p-3 text-indigo-950">
          Next reset in your time ({timeZone}):{' '}
          <time dateTime={help.data.reset_at} className="font-semibold">
            {formatLocalReset(help.data.reset_at, timeZone)}
          </time>
        </p>
      )}
      {help.isPending && <Skeleton className="h-12" />}
    </>
  );
}

function LevelTable() {
  const levels = useThriveLevels();

  if (levels.isPending) {
    return (
      <LoadingRegion label="Loading levels…">
        <div className="space-y-2">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} className="h-12" />
          ))}
        </div>
      </LoadingRegion>
    );
  }
  if (levels.isError) {
    return (
      <ErrorState
        title="We couldn't load the levels."
        error={levels.error}
        onRetry={() => void levels.refetch()}
        isRetrying={levels.isFetching}
      />
    );
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">Thrive Circles levels and the total XP each starts at</caption>
        <thead>
          <tr className="border-b border-slate-200 text-sm text-slate-600">
            <th scope="col" className="py-2 pr-4 font-semibold">Level</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Starts at</th>
            <th scope="col" className="hidden py-2 font-semibold sm:table-cell">About</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {levels.data.map((level) => (
            <tr key={level.id}>
              <th scope="row" className="py-3 pr-4">
                <span className="flex items-center gap-3 font-semibold text-slate-900">
                  <LevelBadge level={level} size="sm" />
                  {level.name}
                </span>
              </th>
              <td className="py-3 pr-4 whitespace-nowrap text-slate-800">{formatNumber(level.min_xp)}+ XP</td>
              <td className="hidden py-3 text-slate-700 sm:table-cell">{level.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
