import { faCircleNodes, faHourglassHalf } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { formatWeekRange } from '../../lib/format';
import type { CircleTheme } from '../../types/quests';
import type { CircleStatus, ThriveCircle, WhyThisCircle } from '../../types/thriveCircles';
import { ThemeBadge } from '../quests/ThemeBadge';
import { Card } from '../ui/Card';
import { CountdownTimer } from './CountdownTimer';
import { LevelBadge } from './LevelBadge';

interface CircleInfoCardProps {
  circle: ThriveCircle | null;
  status: CircleStatus;
  /** Bounds of the current circle week (ISO dates). */
  weekStart: string;
  weekEnd: string;
  /** Weekly reset as epoch ms on this browser's clock. */
  resetAt: number;
  onResetElapsed: () => void;
  /** The circle's theme of the week (from the quests), if it has one. */
  theme?: CircleTheme | null;
  /** The reset on the viewer's clock, e.g. "Monday 01:00" (lib/resetTime's formatResetShort). */
  resetLocal?: string;
  /** Why the viewer sits in this circle (no ranking). */
  why?: WhyThisCircle | null;
}

const TITLES: Record<CircleStatus, string> = {
  active: "This week's circle",
  forming: "This week's circle",
  ended: "Last week's circle",
};

export function CircleInfoCard({
  circle,
  status,
  weekStart,
  weekEnd,
  resetAt,
  onResetElapsed,
  theme,
  resetLocal,
  why,
}: CircleInfoCardProps) {
  return (
    <Card title={TITLES[status]} icon={faCircleNodes}>
      {theme && status === 'active' && (
        <div className="mb-4">
          <ThemeBadge theme={theme} />
        </div>
      )}
      {circle && status !== 'forming' ? (
        <>
          <CircleSummary circle={circle} status={status} />
          {why && status === 'active' && <WhyThisCircleNote why={why} />}
        </>
      ) : (
        <FormingNote weekRange={formatWeekRange(weekStart, weekEnd)} />
      )}

      {/* The first-visit tour points here (components/onboarding). */}
      <div className="mt-5 border-t border-slate-200 pt-4" data-tour="countdown">
        <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-700">
          <FontAwesomeIcon icon={faHourglassHalf} />
          Weekly reset in
        </h3>
        <CountdownTimer endsAt={resetAt} onElapsed={onResetElapsed} />
        {resetLocal && <p className="mt-2 text-sm font-medium text-slate-800">Resets {resetLocal} your time</p>}
        <p className="mt-2 text-sm text-slate-600">Weekly XP starts fresh at the reset; your total XP stays forever.</p>
      </div>
    </Card>
  );
}

const BADGES: Partial<Record<CircleStatus, string>> = { ended: 'Ended' };

function CircleSummary({ circle, status }: { circle: ThriveCircle; status: CircleStatus }) {
  const badge = BADGES[status];
  return (
    <div>
      <div className="flex items-center gap-3">
        <LevelBadge level={circle.level} />
        <div className="min-w-0">
          <h3 className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            {circle.name}
            {badge && (
              <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">
                {badge}
              </span>
            )}
          </h3>
          <p className="text-sm text-slate-600">
            {circle.member_count} members · {formatWeekRange(circle.week_start, circle.week_end)}
          </p>
        </div>
      </div>
      {status === 'ended' && (
        <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
          <strong>New circles are forming.</strong> You'll join a fresh circle for this week very soon — any XP you
          earn now still counts.
        </p>
      )}
    </div>
  );
}

function FormingNote({ weekRange }: { weekRange: string }) {
  return (
    <div>
      <h3 className="text-lg font-semibold text-slate-900">Your circle is forming</h3>
      <p className="mt-1 text-slate-700">
        We're gathering 20–30 people on a similar journey for {weekRange}. Your circle will appear here once it's
        ready — keep earning XP in the meantime!
      </p>
    </div>
  );
}

/** "Why you're in this circle": the facts behind the seat, never a rank or a position. */
function WhyThisCircleNote({ why }: { why: WhyThisCircle }) {
  return (
    <details className="mt-4 rounded-lg bg-indigo-50 p-3 text-sm text-indigo-950 ring-1 ring-indigo-100">
      <summary className="cursor-pointer font-semibold">Why you're in this circle</summary>
      <p className="mt-2">{why.summary}</p>
    </details>
  );
}
