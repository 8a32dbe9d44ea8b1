import { useId } from 'react';
import { formatXP } from '../../lib/format';
import { levelGradient } from '../../lib/levelTheme';
import { Link } from 'react-router';
import { HELP_PATH } from '../../lib/paths';
import type { LoginStreak, ThriveCircleLevel, UserThriveProfile } from '../../types/thriveCircles';
import { LevelBadge } from './LevelBadge';

interface UserStatsCardProps {
  profile: UserThriveProfile;
  level: ThriveCircleLevel;
  /** The highest level: there is nothing left to "grow" into, so the words change. */
  isTopLevel?: boolean;
  /** The login streak, once loaded. */
  streak?: LoginStreak;
}

function encouragement(weeklyXp: number, isTopLevel: boolean): string {
  if (isTopLevel) {
    return weeklyXp > 0
      ? "You're at the top level: every activity still adds to your circle's week."
      : "You're at the top level. A fresh week — your circle is glad to see you.";
  }
  return weeklyXp > 0
    ? "You're growing! Every activity adds to your circle's week."
    : 'A fresh week — every bit of XP counts. Start with one small activity.';
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** The streak and how it counts, in one short paragraph. */
function StreakLine({ streak }: { streak: LoginStreak }) {
  const toBonus =
    streak.visits_to_next_bonus === 1 && !streak.counted_today
      ? `today's visit earns a +${streak.next_bonus_xp} XP streak bonus`
      : `${days(streak.visits_to_next_bonus)} more in a row to a +${streak.next_bonus_xp} XP bonus`;
  return (
    <div className="mt-4 rounded-xl bg-amber-50 p-4 text-amber-950" aria-label="Login streak" role="group">
      <p className="font-semibold">
        {streak.current_streak > 0 ? `${days(streak.current_streak)} login streak` : 'No login streak yet'}
        {streak.longest_streak > streak.current_streak && (
          <span className="font-normal"> · longest {days(streak.longest_streak)}</span>
        )}
      </p>
      {streak.freeze_kept && (
        <p className="mt-1 text-sm font-medium">
          {streak.freeze_kept.freezes_used === 1 ? 'A freeze' : `${streak.freeze_kept.freezes_used} freezes`} kept your{' '}
          {streak.freeze_kept.streak}-day streak.
        </p>
      )}
      <p className="mt-1 text-sm">
        Streak freezes: {streak.streak_freezes} of {streak.max_streak_freezes} (one earned per 7 days in a row; each
        covers a missed day).
      </p>
      <p className="mt-1 text-sm">
        Each day you open Thrive Circles counts; a missed day without a freeze starts again at 1. {toBonus}.{' '}
        <Link to={HELP_PATH} className="font-semibold underline underline-offset-2">
          How streaks work
        </Link>
      </p>
    </div>
  );
}

export function UserStatsCard({ profile, level, isTopLevel = false, streak }: UserStatsCardProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
    >
      <div aria-hidden="true" className={`h-2 ${levelGradient(level, 'horizontal')}`} />
      <div className="p-5 sm:p-6">
        <div className="flex items-center gap-4">
          <LevelBadge level={level} size="lg" />
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-600">
              {profile.username} · Level {level.order}
            </p>
            <h2 id={headingId} className="text-2xl font-bold text-slate-900">
              {level.name}
            </h2>
          </div>
        </div>
        {level.description && <p className="mt-3 text-slate-700">{level.description}</p>}

        <dl className="mt-5 grid grid-cols-2 gap-3">
          <div className="rounded-xl bg-indigo-50 p-4">
            <dt className="text-sm font-medium text-indigo-900">This week</dt>
            <dd className="mt-1 text-2xl font-bold text-indigo-950">{formatXP(profile.weekly_xp)}</dd>
          </div>
          <div className="rounded-xl bg-slate-100 p-4">
            <dt className="text-sm font-medium text-slate-700">Total XP</dt>
            <dd className="mt-1 text-2xl font-bold text-slate-900">{formatXP(profile.total_xp)}</dd>
          </div>
        </dl>
        <p className="mt-4 font-medium text-emerald-800">{encouragement(profile.weekly_xp, isTopLevel)}</p>
        {streak && <StreakLine streak={streak} />}
      </div>
    </section>
  );
}
