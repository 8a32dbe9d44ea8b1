import { useState } from 'react';
import { formatXPChange } from '../../lib/format';
import type { PromptBattle } from '../../types/battles';
import { closesIn } from './closesIn';

function names(winners: { username: string }[]): string {
  const list = winners.map((winner) => winner.username);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0];
}

/** Where the battle stands for you: the time left, or the result. No places, no ranks. */
export function BattleStatus({ battle }: { battle: PromptBattle }) {
  // The time left as of opening the page; the battle's own data refreshes on focus and after every action.
  const [now] = useState(() => Date.now());
  const { result } = battle;
  let text: string;
  if (result) {
    if (result.you_won) {
      text = `You won this battle: ${formatXPChange(result.points_awarded)}`;
    } else if (result.winners.length > 0) {
      text = `This battle has closed. Most votes: ${names(result.winners)}. Thanks for taking part!`;
    } else {
      text = 'This battle has closed without votes. Thanks for taking part!';
    }
  } else if (battle.is_open) {
    text = `The battle closes in ${closesIn(battle.closes_at, now)}.`;
  } else {
    text = 'This battle has closed: the result is on its way.';
  }
  return (
    <p className="rounded-lg bg-amber-50 p-3 font-medium text-amber-900 ring-1 ring-amber-200">
      {text}
    </p>
  );
}
