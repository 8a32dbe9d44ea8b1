import { NotificationPreferences } from '../../components/notifications/NotificationPreferences';
import { faBed, faGlobe } from '@fortawesome/free-solid-svg-icons';
import { useId, useMemo, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { Card } from '../../components/ui/Card';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormAlert } from '../../components/ui/FormAlert';
import { PageHeader } from '../../components/ui/PageHeader';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { formatLocalReset, formatResetShort, knownTimeZones } from '../../lib/resetTime';
import { useDetectTimeZone, useSettings, useUpdateSettings } from '../../services/settings';
import type { RestWeek, UserSettings } from '../../types/settings';

export default function SettingsPage() {
  const settings = useSettings();
  useDetectTimeZone();

  let body;
  if (settings.data) {
    body = (
      <div className="grid gap-6 lg:grid-cols-2">
        <TimeZoneSection settings={settings.data} />
        <RestWeekSection settings={settings.data} />
      </div>
    );
  } else if (settings.isError) {
    body = (
      <ErrorState
        title="We couldn't load your settings."
        error={settings.error}
        onRetry={() => void settings.refetch()}
        isRetrying={settings.isFetching}
      />
    );
  } else {
    body = (
      <LoadingRegion label="Loading your settings…">
        <Skeleton className="h-48 rounded-2xl" />
      </LoadingRegion>
    );
  }
  return (
    <>
      <PageHeader title="Settings" description="Your time zone, a week off when you need one, and what we tell you about." />
      {body}
      <div id="notifications" className="mt-6">
        <NotificationPreferences />
      </div>
    </>
  );
}

function TimeZoneSection({ settings }: { settings: UserSettings }) {
  const update = useUpdateSettings();
  const [search, setSearch] = useState('');
  // null: follow the stored zone (also after it changes, e.g. when the browser's was detected).
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = picked ?? settings.effective_time_zone;
  const zones = useMemo(() => knownTimeZones([settings.effective_time_zone]), [settings.effective_time_zone]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase().replaceAll(' ', '_');
    const matches = needle ? zones.filter((zone) => zone.toLowerCase().includes(needle)) : zones;
    return matches.includes(chosen) ? matches : [chosen, ...matches];
  }, [zones, search, chosen]);
  const zone = settings.effective_time_zone;
  const selectId = useId();

  return (
    <Card title="Your time zone" icon={faGlobe}>
      <p className="text-slate-700">
        Your days (login streaks) and every time we show you follow this zone. The weekly reset is the same moment for
        everyone: for you it is{' '}
        <strong>
          <time dateTime={settings.next_reset}>{formatResetShort(settings.next_reset, zone)}</time>
        </strong>{' '}
        ({zone}).
      </p>
      <p className="mt-1 text-sm text-slate-600">Next reset: {formatLocalReset(settings.next_reset, zone)}</p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ time_zone: chosen }, { onSuccess: () => setPicked(null) });
        }}
      >
        <label className="block text-sm font-medium text-slate-800">
          Search time zones
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="e.g. Tokyo, Los Angeles"
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2"
          />
        </label>
        <div>
          <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
            Time zone
          </label>
          <select
            id={selectId}
            value={chosen}
            onChange={(event) => setPicked(event.target.value)}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2"
          >
            {shown.map((name) => (
              <option key={name} value={name}>
                {name.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        {update.isError && <FormAlert error={update.error} />}
        {update.isSuccess && (
          <p role="status" className="text-sm text-emerald-800">
            Saved: your times now follow {zone}.
          </p>
        )}
        <Button type="submit" disabled={update.isPending || chosen === settings.time_zone}>
          {update.isPending ? 'Saving…' : 'Save time zone'}
        </Button>
      </form>
    </Card>
  );
}

const weekDay = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

function RestWeekSection({ settings }: { settings: UserSettings }) {
  const update = useUpdateSettings();
  const rest: RestWeek = settings.rest_week;
  return (
    <Card title="A rest week" icon={faBed}>
      <p className="text-slate-700">
        Need a break? Sit out a week: you won't be placed in a circle, and your streak and streak freezes wait for you.
        Come back any day and you'll get a seat in that week's circles at once.
      </p>
      <div className="mt-4 space-y-3" aria-live="polite">
        {rest.status === 'none' && (
          <Button disabled={update.isPending} onClick={() => update.mutate({ resting: true })}>
            Rest the week of {weekDay(rest.next_week_start)}
          </Button>
        )}
        {rest.status === 'planned' && rest.week_start && (
          <>
            <p className="font-semibold text-slate-900">You're resting the week of {weekDay(rest.week_start)}.</p>
            <Button variant="secondary" disabled={update.isPending} onClick={() => update.mutate({ resting: false })}>
              Cancel my rest
            </Button>
          </>
        )}
        {rest.status === 'resting' && (
          <>
            <p className="font-semibold text-slate-900">You're resting this week. Welcome back whenever you like.</p>
            <Button disabled={update.isPending} onClick={() => update.mutate({ resting: false })}>
              Come back now
            </Button>
          </>
        )}
        {update.isError && <FormAlert error={update.error} />}
      </div>
    </Card>
  );
}
