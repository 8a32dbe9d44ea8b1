import type { QuestKind } from '../types/quests';
import { durationParts } from './format';

export const KIND_LABELS: Record<QuestKind, string> = {
  side_quest: 'Side quest',
  weekly_challenge: 'Weekly challenge',
  scavenger_hunt: 'Scavenger hunt',
};

/** "2 days left", "5 hours left", "less than an hour left". */
export function timeLeft(expiresAt: string, now: number): string {
  const { days, hours } = durationParts(new Date(expiresAt).getTime() - now);
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} left`;
  if (hours > 0) return `${hours} ${hours === 1 ? 'hour' : 'hours'} left`;
  return 'less than an hour left';
}
