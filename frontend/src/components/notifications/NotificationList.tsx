import { Link } from 'react-router';
import { formatRelativeTime } from '../../lib/format';
import type { AppNotification } from '../../types/notifications';

interface NotificationListProps {
  notifications: AppNotification[];
  onOpen: (notification: AppNotification) => void;
}

/** The bell's items, newest first (the order the server gives). Unread ones are marked. */
export function NotificationList({ notifications, onOpen }: NotificationListProps) {
  if (notifications.length === 0) {
    return <p className="px-4 py-6 text-center text-sm text-slate-600">Nothing new yet. Kudos, quests and your circle's news show up here.</p>;
  }
  return (
    <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto" aria-label="Notifications">
      {notifications.map((notification) => {
        const unread = notification.read_at === null;
        return (
          <li key={notification.id}>
            <Link
              to={notification.url}
              onClick={() => onOpen(notification)}
              className={`flex gap-3 px-4 py-3 text-sm hover:bg-slate-50 ${unread ? 'bg-indigo-50/60' : ''}`}
            >
              <span
                aria-hidden="true"
                className={`mt-1.5 size-2 shrink-0 rounded-full ${unread ? 'bg-indigo-600' : 'bg-transparent'}`}
              />
              <span className="min-w-0 flex-1">
                <span className={`block text-slate-800 ${unread ? 'font-semibold' : ''}`}>
                  {notification.title}
                  {unread && <span className="sr-only"> (unread)</span>}
                </span>
                <time dateTime={notification.created_at} className="text-xs text-slate-600">
                  {formatRelativeTime(notification.created_at)}
                </time>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
