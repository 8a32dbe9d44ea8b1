import { levelGradient } from '../../lib/levelTheme';
import type { CircleTheme } from '../../types/quests';

/** The circle's theme of the week, in its colours, with its icon. */
export function ThemeBadge({ theme }: { theme: CircleTheme }) {
  return (
    <p
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-semibold text-white ${levelGradient(theme, 'horizontal')}`}
    >
      <span aria-hidden="true">{theme.icon}</span>
      This week: {theme.name}
    </p>
  );
}
