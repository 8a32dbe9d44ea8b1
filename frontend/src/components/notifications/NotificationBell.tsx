import { faBell } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { NOTIFICATION_SETTINGS_PATH } from '../../lib/paths';
import { errorMessage } from '../../services/api';
import { useMarkNotificationsRead, useNotifications } from '../../services/notifications';
import { NotificationList } from './NotificationList';

function bellLabel(unread: number): string {
  if (unread === 0) return 'Notifications, none unread';
  return `Notifications, ${unread} unread`;
}

/** The header's bell: the unread count as a badge, and a dropdown of the latest notifications. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const unread = notifications.data?.unread_count ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        // Only while the panel exists: a reference to a missing id is an accessibility error.
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
        className="relative inline-flex size-10 items-center justify-center rounded-lg text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
      >
        <FontAwesomeIcon icon={faBell} />
        {unread > 0 && (
          <span
            aria-hidden="true"
            data-testid="notification-badge"
            className="absolute -top-1.5 -right-1.5 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs leading-5 font-bold text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label="Your notifications"
          className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl bg-white shadow-lg ring-1 ring-slate-200"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <button
              type="button"
              className="rounded px-2 py-1 text-xs font-semibold text-indigo-700 hover:bg-indigo-50 disabled:opacity-50"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              Mark all read
            </button>
          </div>
          {notifications.isPending && <p className="px-4 py-6 text-center text-sm text-slate-600">Loading…</p>}
          {notifications.isError && (
            <p role="alert" className="px-4 py-6 text-center text-sm text-rose-800">
              Notifications could not be loaded: {errorMessage(notifications.error)}
            </p>
          )}
          {notifications.data && (
            <NotificationList
              notifications={notifications.data.results}
              onOpen={(notification) => {
                if (notification.read_at === null) markRead.mutate({ ids: [notification.id] });
                setOpen(false);
              }}
            />
          )}
          {markRead.isError && (
            <p role="alert" className="px-4 py-2 text-xs text-rose-800">
              {errorMessage(markRead.error)}
            </p>
          )}
          <div className="border-t border-slate-100 px-4 py-2 text-right">
            <Link
              to={NOTIFICATION_SETTINGS_PATH}
              onClick={() => setOpen(false)}
              className="text-xs font-semibold text-indigo-700 hover:underline"
            >
              Notification settings
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
