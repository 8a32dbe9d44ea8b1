import { faCircleCheck } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import type { ReactNode } from 'react';
import { KIND_LABELS, timeLeft } from '../../lib/quests';
import type { Quest } from '../../types/quests';
import { XPAmount } from '../thriveCircle/XPAmount';

interface QuestItemProps {
  quest: Quest;
  /** Epoch ms to count the time left from. */
  now: number;
  /** Marks the circle theme's side quest. */
  themeName?: string;
  children?: ReactNode;
}

/** One quest: what to do, the reward, progress as a bar, time left, or its done state. */
export function QuestItem({ quest, now, themeName, children }: QuestItemProps) {
  const { current, target } = quest.progress;
  const done = quest.completed_at !== null;
  const percent = target > 0 ? Math.min(100, (current / target) * 100) : 0;
  return (
    <article
      aria-label={quest.title}
      className={`rounded-xl p-4 ring-1 ${done ? 'bg-emerald-50 ring-emerald-200' : 'bg-white ring-slate-200'}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-indigo-700 uppercase">
            {KIND_LABELS[quest.kind]}
            {themeName && <span className="ml-2 text-fuchsia-700">· {themeName}</span>}
          </p>
          <h3 className="font-semibold text-slate-900">{quest.title}</h3>
        </div>
        <XPAmount amount={quest.reward_xp} />
      </div>
      <p className="mt-1 text-sm text-slate-700">{quest.description}</p>
      <div
        role="progressbar"
        aria-label={`Progress on ${quest.title}`}
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={current}
        aria-valuetext={`${current} of ${target}`}
        className="mt-3 h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full ${done ? 'bg-emerald-500' : 'bg-indigo-500'} motion-safe:transition-[width]`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 flex flex-wrap justify-between gap-x-3 text-sm text-slate-600">
        <span>
          {current} of {target}
        </span>
        {done ? (
          <span className="font-semibold text-emerald-800">
            <FontAwesomeIcon icon={faCircleCheck} /> Done · +{quest.xp_awarded ?? 0} XP earned
          </span>
        ) : (
          <span>{timeLeft(quest.expires_at, now)}</span>
        )}
      </p>
      {children}
    </article>
  );
}
