import { faPeopleGroup } from '@fortawesome/free-solid-svg-icons';
import { formatXP } from '../../lib/format';
import type { CircleTogether, WeekTotals } from '../../types/thriveCircles';
import { Card } from '../ui/Card';

const ACTIVITY_NAMES: Record<string, string> = {
  quiz: 'quizzes',
  prompt_battle: 'Prompt Battles',
  project: 'projects',
  daily_login: 'daily check-ins',
  streak: 'streaks',
  achievement: 'achievements',
  side_quest: 'side quests',
  weekly_challenge: 'weekly challenges',
  scavenger_hunt: 'scavenger hunts',
  other: 'other activities',
};

/** The circle's shared goal as one bar, the viewer's part, and this week against its own last. */
export function CircleGoalCard({ together }: { together: CircleTogether }) {
  const { goal, this_week: now, last_week: before } = together;
  const percent = Math.min(100, Math.round((goal.progress_xp / Math.max(1, goal.target_xp)) * 100));
  return (
    <Card title="Growing together" icon={faPeopleGroup}>
      <p className="mb-2 text-slate-700">
        {goal.reached
          ? `Your circle reached this week's goal! Everyone who earned XP got +${goal.bonus_xp} XP.`
          : `This week's circle goal: ${formatXP(goal.target_xp)} together.`}
      </p>
      <div
        role="progressbar"
        aria-label="Circle goal"
        aria-valuemin={0}
        aria-valuemax={goal.target_xp}
        aria-valuenow={Math.min(goal.progress_xp, goal.target_xp)}
        aria-valuetext={`${formatXP(goal.progress_xp)} of ${formatXP(goal.target_xp)}`}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-linear-to-r from-emerald-400 to-teal-500 motion-safe:transition-[width] motion-safe:duration-700"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {formatXP(goal.progress_xp)} so far · your part: {formatXP(goal.your_xp)}
      </p>
      <dl className="mt-4 grid grid-cols-1 gap-2 text-sm text-slate-700">
        <Comparison label="XP together" now={formatXP(now.xp_together)} before={formatXP(before.xp_together)} />
        <Comparison label="People active" now={String(now.people_active)} before={String(before.people_active)} />
        <Comparison label="Favourite activity" now={activity(now)} before={activity(before)} />
      </dl>
    </Card>
  );
}

function activity(week: WeekTotals): string {
  return week.most_popular_activity ? (ACTIVITY_NAMES[week.most_popular_activity] ?? week.most_popular_activity) : '—';
}

function Comparison({ label, now, before }: { label: string; now: string; before: string }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-3">
      <dt className="font-medium">{label}</dt>
      <dd>
        {now} <span className="text-slate-500">(last week {before})</span>
      </dd>
    </div>
  );
}
