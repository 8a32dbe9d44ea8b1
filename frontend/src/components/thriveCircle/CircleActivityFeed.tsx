import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { faBolt } from '@fortawesome/free-solid-svg-icons';
import type { ReactNode } from 'react';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { iconByName } from '../../lib/icons';
import type { LevelUp } from '../../types/moments';
import type { ReactionKey, XPEvent } from '../../types/thriveCircles';
import { Avatar } from '../ui/Avatar';
import { Card } from '../ui/Card';
import { KudosBar } from './KudosBar';
import { XPAmount } from './XPAmount';

interface CircleActivityFeedProps {
  /** The viewer's zone: each time's exact moment (its tooltip) is shown in it. */
  timeZone?: string;
  /** This week's circle events, newest first, as the API orders them. */
  events: XPEvent[];
  /** Levels reached in the circle this week (GET /api/v1/me/moments/), newest first. */
  levelUps?: LevelUp[];
  viewerUsername: string;
  /** Give kudos to someone else's event; without it no kudos buttons are shown. */
  onKudos?: (eventId: string, reaction: ReactionKey) => void;
  /** Beside the heading: the live indicator. */
  aside?: ReactNode;
  /** Above the list: who is here now. */
  header?: ReactNode;
  /** Below the list: "Show more". */
  footer?: ReactNode;
}

type FeedItem = { kind: 'xp'; event: XPEvent } | { kind: 'level'; levelUp: LevelUp };

/**
 * XP events and level-ups in one timeline, newest first. Both lists come newest first; they are
 * merged without reordering either, so the events keep the API's order (a re-sort by clock would
 * swap awards a millisecond apart). A level-up shares its award's timestamp and goes just above it.
 */
function timeline(events: XPEvent[], levelUps: LevelUp[]): FeedItem[] {
  const items: FeedItem[] = [];
  let next = 0;
  for (const event of events) {
    const at = Date.parse(event.timestamp);
    while (next < levelUps.length && Date.parse(levelUps[next].reached_at) >= at) {
      items.push({ kind: 'level', levelUp: levelUps[next++] });
    }
    items.push({ kind: 'xp', event });
  }
  for (; next < levelUps.length; next++) items.push({ kind: 'level', levelUp: levelUps[next] });
  return items;
}

export function CircleActivityFeed({
  events,
  levelUps = [],
  viewerUsername,
  onKudos,
  aside,
  header,
  timeZone,
  footer,
}: CircleActivityFeedProps) {
  const items = timeline(events, levelUps);
  const who = (username: string) => (username === viewerUsername ? 'You' : username);
  return (
    <Card title="Circle activity" icon={faBolt} aside={aside}>
      {header}
      {items.length === 0 ? (
        <p className="rounded-xl bg-slate-50 p-4 text-center text-slate-700">
          Quiet so far this week — be the first to earn XP!
        </p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((item) =>
            item.kind === 'xp' ? (
              // Keyed by id, so only events new since the last refresh mount and play the entrance.
              <li key={item.event.id} className="flex items-start gap-3 py-3 motion-safe:animate-feed-in">
                <Avatar username={item.event.username} url={item.event.avatar_url} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="text-slate-800">
                    <span className="font-semibold text-slate-900">{who(item.event.username)}</span>{' '}
                    {item.event.description}
                  </p>
                  <p className="text-sm text-slate-600">
                    {item.event.source_display} ·{' '}
                    <time dateTime={item.event.timestamp} title={formatDateTime(item.event.timestamp, timeZone)}>
                      {formatRelativeTime(item.event.timestamp)}
                    </time>
                  </p>
                  {onKudos && (
                    <KudosBar
                      username={item.event.username}
                      reactions={item.event.reactions ?? []}
                      onGive={item.event.username === viewerUsername ? undefined : (key) => onKudos(item.event.id, key)}
                    />
                  )}
                </div>
                <XPAmount amount={item.event.amount} />
              </li>
            ) : (
              <li
                key={`level-${item.levelUp.id}`}
                className="flex items-start gap-3 bg-indigo-50/60 py-3 motion-safe:animate-feed-in"
                data-testid="feed-level-up"
              >
                <Avatar username={item.levelUp.username} url={item.levelUp.avatar_url} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="text-slate-800">
                    <span className="font-semibold text-slate-900">{who(item.levelUp.username)}</span> reached{' '}
                    <span className="font-semibold text-indigo-800">{item.levelUp.level_name}</span>
                  </p>
                  <p className="text-sm text-slate-600">
                    New level · <time dateTime={item.levelUp.reached_at} title={formatDateTime(item.levelUp.reached_at, timeZone)}>
                      {formatRelativeTime(item.levelUp.reached_at)}
                    </time>
                  </p>
                </div>
                <FontAwesomeIcon icon={iconByName(item.levelUp.level_icon)} className="mt-1 text-indigo-600" aria-hidden="true" />
              </li>
            ),
          )}
        </ol>
      )}
      {footer}
    </Card>
  );
}
