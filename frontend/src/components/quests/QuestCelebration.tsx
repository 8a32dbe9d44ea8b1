import { useId, useState } from 'react';
import type { Quest } from '../../types/quests';
import { Button } from '../ui/Button';

const STORAGE_KEY = 'thrive.celebratedQuests';

function celebratedKeys(): Set<string> {
  try {
    return new Set(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

const keyOf = (quest: Quest) => `${quest.id}:${quest.completed_at}`;

/** Celebrates each completed quest once on this device, then remembers it was celebrated. */
export function QuestCelebration({ quests }: { quests: Quest[] }) {
  const [seen, setSeen] = useState(celebratedKeys);
  const headingId = useId();
  const fresh = quests.filter((quest) => quest.completed_at !== null && !seen.has(keyOf(quest)));
  if (fresh.length === 0) return null;

  function dismiss() {
    const next = new Set([...seen, ...fresh.map(keyOf)]);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...next].slice(-100)));
    setSeen(next);
  }

  return (
    // A named region, not a live status: it shows on arrival as well as after an answer.
    <section
      aria-labelledby={headingId}
      className="mb-4 rounded-xl bg-emerald-700 p-4 text-white shadow motion-safe:animate-feed-in"
    >
      <h3 id={headingId} className="text-lg font-semibold">
        <span aria-hidden="true">🎉 </span>Quest complete!
      </h3>
      <ul className="mt-1">
        {fresh.map((quest) => (
          <li key={quest.id}>
            {quest.title} · +{quest.xp_awarded ?? 0} XP
          </li>
        ))}
      </ul>
      <Button variant="secondary" className="mt-2" onClick={dismiss}>
        Nice!
      </Button>
    </section>
  );
}
