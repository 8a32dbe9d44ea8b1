import { faArrowTrendUp, faStar } from '@fortawesome/free-solid-svg-icons';
import { formatXP } from '../../lib/format';
import { levelGradient } from '../../lib/levelTheme';
import type { ThriveCircleLevel } from '../../types/thriveCircles';
import { Card } from '../ui/Card';

interface LevelProgressCardProps {
  currentLevel: ThriveCircleLevel;
  /** null at the top level. */
  nextLevel: ThriveCircleLevel | null;
  totalXp: number;
  xpToNextLevel: number;
}

export function LevelProgressCard({ currentLevel, nextLevel, totalXp, xpToNextLevel }: LevelProgressCardProps) {
  if (!nextLevel) return <TopLevelCard level={currentLevel} />;

  // Progress within the current level's band, so a new level starts at 0%.
  const span = nextLevel.min_xp - currentLevel.min_xp;
  const percent = span > 0 ? Math.min(100, Math.max(0, ((totalXp - currentLevel.min_xp) / span) * 100)) : 100;

  return (
    <Card title={`Growing toward ${nextLevel.name}`} icon={faArrowTrendUp}>
      <div className="mb-2 flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium text-slate-700">{currentLevel.name}</span>
        <span className="font-medium text-slate-700">{nextLevel.name}</span>
      </div>
      <div
        role="progressbar"
        aria-label={`Progress to ${nextLevel.name}`}
        aria-valuemin={currentLevel.min_xp}
        aria-valuemax={nextLevel.min_xp}
        aria-valuenow={Math.min(totalXp, nextLevel.min_xp)}
        aria-valuetext={`${formatXP(totalXp)} of ${formatXP(nextLevel.min_xp)}`}
        className="h-4 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full motion-safe:transition-[width] motion-safe:duration-700 ${levelGradient(nextLevel, 'horizontal')}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-3 flex flex-wrap justify-between gap-x-4 gap-y-1">
        <span className="text-lg font-semibold text-slate-900">
          {formatXP(xpToNextLevel)} to {nextLevel.name}
        </span>
        <span className="text-slate-600">
          {formatXP(totalXp)} / {formatXP(nextLevel.min_xp)}
        </span>
      </p>
    </Card>
  );
}

function TopLevelCard({ level }: { level: ThriveCircleLevel }) {
  return (
    <Card title={`You're a ${level.name}!`} icon={faStar} className="bg-linear-to-br from-amber-50 to-white">
      <p className="text-slate-800">
        You've reached the highest level in Thrive Circles. There's no bar left to fill — keep exploring,
        creating and lifting up the people in your circle.
      </p>
      <p className="mt-3 font-semibold text-amber-900">Top level reached · your XP keeps counting every week.</p>
    </Card>
  );
}
