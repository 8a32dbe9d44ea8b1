import { useState } from 'react';
import { errorMessage } from '../../services/api';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../../services/notifications';
import type { NotificationPreferences as Preferences } from '../../types/notifications';
import { Card } from '../ui/Card';
import { ErrorState } from '../ui/ErrorState';
import { LoadingRegion, Skeleton } from '../ui/Skeleton';

type PreferenceKey = keyof Preferences;

const IN_APP: { key: PreferenceKey; label: string; hint: string }[] = [
  { key: 'circle_assigned', label: 'New circle for the week', hint: 'When you get your seat on Monday.' },
  { key: 'goal_reached', label: 'Circle goal reached', hint: 'When your circle reaches its weekly goal together.' },
  { key: 'kudos_received', label: 'Kudos received', hint: 'When someone in your circle cheers your activity.' },
  { key: 'quest_completed', label: 'Quest completed', hint: 'When you finish a quest.' },
  { key: 'level_reached', label: 'Level reached', hint: 'When you reach a new level.' },
  { key: 'streak_at_risk', label: 'Streak at risk', hint: 'An evening reminder, your time, before a login streak would end.' },
];

const EMAIL: { key: PreferenceKey; label: string; hint: string }[] = [
  { key: 'weekly_recap', label: 'Weekly recap email', hint: 'Monday morning, your time: your week, your circle and its goal.' },
];

interface PreferenceFormProps {
  preferences: Preferences;
  onChange: (changes: Partial<Preferences>) => void;
  disabled?: boolean;
}

/**
 * The switches alone (typed props, no fetching). A switch flips in the click's own render (the
 * query cache would notify a tick later, and React would first put the old state back); a parent
 * that re-keys the form whenever its data is set again shows what the server answered (or the
 * old state back after a failed save).
 */
export function NotificationPreferenceForm({ preferences, onChange, disabled = false }: PreferenceFormProps) {
  const [shown, setShown] = useState(preferences);
  const change = (changes: Partial<Preferences>) => {
    setShown((current) => ({ ...current, ...changes }));
    onChange(changes);
  };
  const group = (legend: string, rows: typeof IN_APP) => (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{legend}</legend>
      {rows.map(({ key, label, hint }) => (
        <label key={key} className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-indigo-600"
            checked={shown[key]}
            disabled={disabled}
            onChange={(event) => change({ [key]: event.target.checked })}
          />
          <span>
            <span className="block font-medium text-slate-800">{label}</span>
            <span className="block text-slate-600">{hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="space-y-6">
      {group('In the app (the bell)', IN_APP)}
      {group('Email', EMAIL)}
    </div>
  );
}

/** A self-contained settings section: drop it into any settings page. Saves each switch at once. */
export function NotificationPreferences() {
  const preferences = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  return (
    <Card title="Notifications">
      {preferences.isPending && (
        <LoadingRegion label="Loading your notification settings…">
          <Skeleton className="h-48 rounded-xl" />
        </LoadingRegion>
      )}
      {preferences.isError && !preferences.data && (
        <ErrorState
          title="Your notification settings could not be loaded"
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
          isRetrying={preferences.isFetching}
        />
      )}
      {preferences.data && (
        <NotificationPreferenceForm
          key={preferences.dataUpdatedAt}
          preferences={preferences.data}
          onChange={(changes) => update.mutate(changes)}
        />
      )}
      {update.isError && (
        <p role="alert" className="mt-4 text-sm text-rose-800">
          Saving failed: {errorMessage(update.error)}
        </p>
      )}
      {update.isSuccess && !update.isPending && (
        <p role="status" className="mt-4 text-sm text-emerald-800">
          Saved.
        </p>
      )}
    </Card>
  );
}
