import type { QuizStreak as QuizStreakData } from '../../types/quests';

/** Quiz days in a row and the streak bonuses: what is earned and what comes next. */
export function QuizStreak({ streak }: { streak: QuizStreakData }) {
  const next = streak.bonuses.find((bonus) => !bonus.earned && bonus.days > streak.days);
  return (
    <div className="rounded-xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200">
      <p className="font-semibold">
        Quiz streak: {streak.days} {streak.days === 1 ? 'day' : 'days'} in a row
      </p>
      <ul className="mt-1 flex flex-wrap gap-2">
        {streak.bonuses.map((bonus) => (
          <li
            key={bonus.days}
            className={`rounded-full px-2.5 py-0.5 ring-1 ${bonus.earned ? 'bg-emerald-100 ring-emerald-300' : 'bg-white ring-amber-200'}`}
          >
            {bonus.days} days: +{bonus.xp} XP{bonus.earned ? ' · earned' : ''}
          </li>
        ))}
      </ul>
      {next && (
        <p className="mt-1">
          {streak.quiz_today ? 'Come back tomorrow' : 'Take a quiz today'} to keep it going:{' '}
          {next.days - streak.days} more {next.days - streak.days === 1 ? 'day' : 'days'} to +{next.xp} XP.
        </p>
      )}
    </div>
  );
}
