import type { ThriveCircleLevel } from '../types/thriveCircles';

// Tailwind only generates classes it finds literally in the source, so the
// level colour names from the API map to complete class strings here.
const GRADIENT_FROM: Record<string, string> = {
  'green-400': 'from-green-400',
  'blue-400': 'from-blue-400',
  'blue-500': 'from-blue-500',
  'purple-400': 'from-purple-400',
  'orange-400': 'from-orange-400',
  'yellow-400': 'from-yellow-400',
  // Circle themes (quests) use these too.
  'violet-500': 'from-violet-500',
  'violet-700': 'from-violet-700',
  'sky-700': 'from-sky-700',
  'emerald-700': 'from-emerald-700',
  'sky-500': 'from-sky-500',
  'emerald-500': 'from-emerald-500',
  'rose-500': 'from-rose-500',
  'amber-500': 'from-amber-500',
};

const GRADIENT_TO: Record<string, string> = {
  'green-600': 'to-green-600',
  'blue-600': 'to-blue-600',
  'purple-600': 'to-purple-600',
  'orange-600': 'to-orange-600',
  'yellow-600': 'to-yellow-600',
  'fuchsia-500': 'to-fuchsia-500',
  'fuchsia-700': 'to-fuchsia-700',
  'indigo-700': 'to-indigo-700',
  'teal-700': 'to-teal-700',
  'indigo-500': 'to-indigo-500',
  'teal-500': 'to-teal-500',
  'orange-500': 'to-orange-500',
  'pink-500': 'to-pink-500',
};

const FALLBACK_FROM = 'from-slate-400';
const FALLBACK_TO = 'to-slate-600';

type LevelColours = Pick<ThriveCircleLevel, 'color_from' | 'color_to'>;

const DIRECTIONS = { diagonal: 'bg-linear-to-br', horizontal: 'bg-linear-to-r' } as const;

/** Background gradient for a level, e.g. green-400 → green-600 for Seedling. */
export function levelGradient(
  { color_from, color_to }: LevelColours,
  direction: keyof typeof DIRECTIONS = 'diagonal',
): string {
  return `${DIRECTIONS[direction]} ${GRADIENT_FROM[color_from] ?? FALLBACK_FROM} ${GRADIENT_TO[color_to] ?? FALLBACK_TO}`;
}
