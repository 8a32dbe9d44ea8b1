import { faBolt } from '@fortawesome/free-solid-svg-icons';
import type { ReactNode } from 'react';
import { formatRelativeTime } from '../../lib/format';
import type { ReactionKey, XPEvent } from '../../types/thriveCircles';
import { Avatar } from '../ui/Avatar';
import { Card } from '../ui/Card';
import { KudosBar } from './KudosBar';
import { XPAmount } from './XPAmount';

interface CircleActivityFeedProps {
  /** This week's circle events, newest first, as the API orders them. */
  events: XPEvent[];
  viewerUsername: string;
  /** Give kudos to someone else's event; without it no kudos buttons are shown. */
  onKudos?: (eventId: string, reaction: ReactionKey) => void;
  /** Beside the heading: the live indicator. */
  aside?: ReactNode;
  /** Above the list: who is here now. */
  header?: ReactNode;
}

export function CircleActivityFeed({ events, viewerUsername, onKudos, aside, header }: CircleActivityFeedProps) {
  return (
    <Card title="Circle activity" icon={faBolt} aside={aside}>
      {header}
      {events.length === 0 ? (
        <p className="rounded-xl bg-slate-50 p-4 text-center text-slate-700">
          Quiet so far this week — be the first to earn XP!
        </p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {events.map((event) => (
            // Keyed by id, so only events new since the last refresh mount and play the entrance.
            <li key={event.id} className="flex items-start gap-3 py-3 motion-safe:animate-feed-in">
              <Avatar username={event.username} url={event.avatar_url} size="sm" />
              <div className="min-w-0 flex-1">
                <p className="text-slate-800">
                  <span className="font-semibold text-slate-900">
                    {event.username === viewerUsername ? 'You' : event.username}
                  </span>{' '}
                  {event.description}
                </p>
                <p className="text-sm text-slate-600">
                  {event.source_display} ·{' '}
                  <time dateTime={event.timestamp}>{formatRelativeTime(event.timestamp)}</time>
                </p>
                {onKudos && (
                  <KudosBar
                    username={event.username}
                    reactions={event.reactions ?? []}
                    onGive={event.username === viewerUsername ? undefined : (key) => onKudos(event.id, key)}
                  />
                )}
              </div>
              <XPAmount amount={event.amount} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
