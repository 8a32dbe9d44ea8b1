import { faUsers } from '@fortawesome/free-solid-svg-icons';
import { useState } from 'react';
import { formatRelativeTime } from '../../lib/format';
import type { UserThriveProfile } from '../../types/thriveCircles';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';

const COLLAPSED_COUNT = 8;

/**
 * Members in the order the API sends (most recently active first). Never
 * sorted or numbered by XP: Thrive Circles have no rankings.
 */
export function CircleMembers({ members }: { members: UserThriveProfile[] }) {
  const [isExpanded, setIsExpanded] = useState(false);
  const visible = isExpanded ? members : members.slice(0, COLLAPSED_COUNT);
  const hiddenCount = members.length - visible.length;

  return (
    <Card
      title="Growing with you"
      icon={faUsers}
      aside={members.length > 0 && <span className="text-sm text-slate-600">{members.length} others</span>}
    >
      {members.length === 0 ? (
        <p className="text-slate-600">Your circle-mates will appear here once your circle forms.</p>
      ) : (
        <>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1">
            {visible.map((member) => (
              <li key={member.username} className="flex min-w-0 items-center gap-3">
                <Avatar username={member.username} url={member.avatar_url} />
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{member.username}</p>
                  <p className="truncate text-sm text-slate-600">
                    {member.level_name} · active {formatRelativeTime(member.last_activity_at)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          {(hiddenCount > 0 || isExpanded) && (
            <Button
              variant="quiet"
              className="mt-4 w-full"
              aria-expanded={isExpanded}
              onClick={() => setIsExpanded((expanded) => !expanded)}
            >
              {isExpanded ? 'Show fewer' : `Show all ${members.length}`}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
