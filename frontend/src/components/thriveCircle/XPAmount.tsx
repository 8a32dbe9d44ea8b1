import { formatXPChange } from '../../lib/format';

export function XPAmount({ amount }: { amount: number }) {
  // Gains are celebrated; a rare correction is shown plainly, not in alarm red.
  const tone = amount < 0 ? 'bg-slate-100 text-slate-700 ring-slate-200' : 'bg-emerald-50 text-emerald-800 ring-emerald-200';
  return (
    <span className={`shrink-0 rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ring-1 ${tone}`}>
      {formatXPChange(amount)}
    </span>
  );
}
