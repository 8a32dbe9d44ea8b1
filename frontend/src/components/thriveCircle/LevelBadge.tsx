import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { iconByName } from '../../lib/icons';
import { levelGradient } from '../../lib/levelTheme';
import type { ThriveCircleLevel } from '../../types/thriveCircles';

const SIZES = {
  sm: 'size-8 text-sm',
  md: 'size-11 text-lg',
  lg: 'size-16 text-2xl',
} as const;

interface LevelBadgeProps {
  level: Pick<ThriveCircleLevel, 'icon' | 'color_from' | 'color_to'>;
  size?: keyof typeof SIZES;
}

/** The level's icon on its gradient. Decorative: the level name is always shown beside it. */
export function LevelBadge({ level, size = 'md' }: LevelBadgeProps) {
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full text-white shadow-md ${SIZES[size]} ${levelGradient(level)}`}
    >
      <FontAwesomeIcon icon={iconByName(level.icon)} className="drop-shadow-sm" />
    </span>
  );
}
