import { useId } from 'react';
import { formatXP } from '../../lib/format';
import { levelGradient } from '../../lib/levelTheme';
import type { ThriveCircleLevel, UserThriveProfile } from '../../types/thriveCircles';
import { LevelBadge } from './LevelBadge';

interface UserStatsCardProps {
  profile: UserThriveProfile;
  level: ThriveCircleLevel;
}

function encouragement(weeklyXp: number): string {
  return weeklyXp > 0
    ? "You're growing! Every activity adds to your circle's week."
    : 'A fresh week — every bit of XP counts. Start with one small activity.';
}

export function UserStatsCard({ profile, level }: UserStatsCardProps) {
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
        <p className="mt-4 font-medium text-emerald-800">{encouragement(profile.weekly_xp)}</p>
      </div>
    </section>
  );
}
