import { REACTION_KEYS, type ReactionCount, type ReactionKey } from '../../types/thriveCircles';

export const REACTION_EMOJI: Record<ReactionKey, string> = {
  clap: '👏',
  heart: '❤️',
  sparkles: '✨',
  rocket: '🚀',
  flower: '🌸',
};

interface KudosBarProps {
  username: string;
  reactions: ReactionCount[];
  /** Absent for the viewer's own events: one cannot cheer oneself. */
  onGive?: (reaction: ReactionKey) => void;
}

/** Reactions on a feed item: buttons for others' activity, a quiet tally on one's own. */
export function KudosBar({ username, reactions, onGive }: KudosBarProps) {
  const byKey = new Map(reactions.map((r) => [r.key, r]));
  if (!onGive) {
    if (reactions.length === 0) return null;
    return (
      <p className="mt-1 flex gap-2 text-sm text-slate-600" aria-label="Kudos you received">
        {reactions.map((r) => (
          <span key={r.key}>
            <span aria-hidden="true">{REACTION_EMOJI[r.key]}</span> {r.count}
          </span>
        ))}
      </p>
    );
  }
  return (
    <div className="mt-1 flex flex-wrap gap-1" role="group" aria-label={`Kudos for ${username}`}>
      {REACTION_KEYS.map((key) => {
        const reaction = byKey.get(key);
        return (
          <button
            key={key}
            type="button"
            aria-pressed={reaction?.mine ?? false}
            aria-label={`${key} for ${username}${reaction ? ` (${reaction.count})` : ''}`}
            onClick={() => onGive(key)}
            disabled={reaction?.mine}
            className={`rounded-full px-2 py-0.5 text-sm ring-1 transition-colors ${
              reaction?.mine ? 'bg-indigo-50 ring-indigo-200' : 'ring-slate-200 hover:bg-slate-50'
            }`}
          >
            <span aria-hidden="true">{REACTION_EMOJI[key]}</span>
            {reaction ? <span className="ml-1 text-slate-700">{reaction.count}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
