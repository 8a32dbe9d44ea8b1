import { faClockRotateLeft } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { Link } from 'react-router';
import { XPAmount } from '../../components/thriveCircle/XPAmount';
import { Button } from '../../components/ui/Button';
import { buttonClass } from '../../components/ui/buttonStyles';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageHeader } from '../../components/ui/PageHeader';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { formatDateTime } from '../../lib/format';
import { HELP_PATH } from '../../lib/paths';
import { useViewerTimeZone } from '../../services/settings';
import { useXPHistory } from '../../services/thriveCircles';
import type { XPEvent } from '../../types/thriveCircles';

export default function XPHistoryPage() {
  return (
    <>
      <PageHeader title="XP history" description="Every bit of XP you've earned, newest first." />
      <XPHistoryList />
    </>
  );
}

function XPHistoryList() {
  const history = useXPHistory();

  if (history.isPending) {
    return (
      <LoadingRegion label="Loading your XP history…">
        <div className="space-y-3">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-16 rounded-xl" />
          ))}
        </div>
      </LoadingRegion>
    );
  }
  if (history.isError && !history.data) {
    return (
      <ErrorState
        title="We couldn't load your XP history."
        error={history.error}
        onRetry={() => void history.refetch()}
        isRetrying={history.isFetching}
      />
    );
  }

  const events = history.data.pages.flatMap((page) => page.events);
  if (events.length === 0) {
    return (
      <div className="rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
        <p className="text-slate-700">No XP yet — your first activity will show up here.</p>
        <Link to="/quick-quizzes" className={`${buttonClass()} mt-4`}>
          Take a Quick Quiz
        </Link>
      </div>
    );
  }

  return (
    <div className="rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <ol aria-label="XP events" className="divide-y divide-slate-100">
        {groupNoXP(events).map((row) =>
          Array.isArray(row) ? (
            <li key={`no-xp-${row[0].id}`} className="px-4 py-2 sm:px-6">
              <NoXPGroup events={row} />
            </li>
          ) : (
            <li key={row.id} className="flex items-start gap-3 px-4 py-3 sm:px-6">
              <EventLine event={row} />
            </li>
          ),
        )}
      </ol>
      <div className="border-t border-slate-100 p-4 text-center sm:px-6">
        {history.isFetchNextPageError && (
          <div className="mb-3 text-left">
            <ErrorState title="We couldn't load older XP." error={history.error} />
          </div>
        )}
        {history.hasNextPage ? (
          <Button
            variant="secondary"
            onClick={() => void history.fetchNextPage()}
            disabled={history.isFetchingNextPage}
          >
            <FontAwesomeIcon icon={faClockRotateLeft} />
            {history.isFetchingNextPage ? 'Loading…' : 'Load older'}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">That's everything — the very start of your journey.</p>
        )}
      </div>
    </div>
  );
}

/** Runs of 0-XP events (fair play said "not this time") fold into one row; the rest stay as they are. */
function groupNoXP(events: XPEvent[]): (XPEvent | XPEvent[])[] {
  const rows: (XPEvent | XPEvent[])[] = [];
  for (const event of events) {
    const last = rows[rows.length - 1];
    if (event.amount !== 0) rows.push(event);
    else if (Array.isArray(last)) last.push(event);
    else rows.push([event]);
  }
  return rows;
}

function EventLine({ event }: { event: XPEvent }) {
  const timeZone = useViewerTimeZone(); // one cached query for every line
  return (
    <>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">{event.description}</p>
        <p className="text-sm text-slate-600">
          {event.source_display} · <time dateTime={event.timestamp}>{formatDateTime(event.timestamp, timeZone)}</time>
        </p>
      </div>
      <XPAmount amount={event.amount} />
    </>
  );
}

/** Shown honestly, but folded: activities that earned no XP under the fair-play rules. */
function NoXPGroup({ events }: { events: XPEvent[] }) {
  const count = events.length;
  return (
    <details className="group">
      <summary className="cursor-pointer py-1 text-sm text-slate-600 hover:text-slate-900">
        {count === 1 ? '1 activity' : `${count} activities`} earned no XP this time (fair play)
      </summary>
      <ol className="mt-1 divide-y divide-slate-100 rounded-lg bg-slate-50">
        {events.map((event) => (
          <li key={event.id} className="flex items-start gap-3 px-3 py-2">
            <EventLine event={event} />
          </li>
        ))}
      </ol>
      <p className="mt-1 text-sm text-slate-600">
        <Link to={HELP_PATH} className="font-semibold text-indigo-700 underline underline-offset-2">
          Why some activities earn less
        </Link>
      </p>
    </details>
  );
}
