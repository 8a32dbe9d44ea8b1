import { useCountdown } from '../../hooks/useCountdown';
import { durationParts } from '../../lib/format';

interface CountdownTimerProps {
  /** When the week resets, as epoch ms on this browser's clock. */
  endsAt: number;
  /** Called once when the countdown reaches zero, e.g. to fetch the new week. */
  onElapsed?: () => void;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function CountdownTimer({ endsAt, onElapsed }: CountdownTimerProps) {
  const remaining = useCountdown(endsAt, onElapsed);

  if (remaining === 0) {
    return (
      <p role="timer" className="text-lg font-semibold text-indigo-800">
        New week starting…
      </p>
    );
  }

  const { days, hours, minutes, seconds } = durationParts(remaining);
  const units = [
    { key: 'days', value: String(days), label: days === 1 ? 'day' : 'days' },
    { key: 'hours', value: pad(hours), label: 'hr' },
    { key: 'minutes', value: pad(minutes), label: 'min' },
    { key: 'seconds', value: pad(seconds), label: 'sec' },
  ];

  return (
    <p role="timer" className="grid grid-cols-4 gap-2">
      {units.map(({ key, value, label }) => (
        <span key={key} className="flex flex-col items-center rounded-lg bg-slate-100 px-1 py-2">
          <span className="text-xl font-bold text-slate-900 tabular-nums sm:text-2xl">{value}</span>
          <span className="text-xs font-medium text-slate-600"> {label}</span>
        </span>
      ))}
    </p>
  );
}
