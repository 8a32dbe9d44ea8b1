import type { LiveStatus } from '../../services/liveCircle';

const LABELS: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Updates every 30 s',
};

/** A small dot and word: whether the circle updates live or by the 30-second refresh. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const dot =
    status === 'live' ? 'bg-emerald-500 motion-safe:animate-pulse' : status === 'connecting' ? 'bg-amber-400' : 'bg-slate-400';
  return (
    // Not a live region: a reconnect every so often should not interrupt a screen reader.
    <span
      title={status === 'live' ? 'Your circle updates as it happens' : 'Reconnecting; meanwhile the page refreshes every 30 seconds'}
      data-live-status={status}
      className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-600"
    >
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${dot}`} />
      {LABELS[status]}
    </span>
  );
}

/** Who has the circle page open now, alphabetically: no counts that read as a score. */
export function OnlineNow({ online, viewerUsername }: { online: string[]; viewerUsername: string }) {
  const others = online.filter((name) => name !== viewerUsername);
  if (others.length === 0) return null;
  return (
    <p className="mb-3 text-sm text-slate-600">
      <span className="font-medium text-slate-700">Here now:</span> {others.join(', ')}
    </p>
  );
}
