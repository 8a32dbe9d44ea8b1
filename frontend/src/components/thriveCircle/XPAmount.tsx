import { formatXPChange } from '../../lib/format';

export function XPAmount({ amount }: { amount: number }) {
  return (
    <span className="shrink-0 rounded-full bg-emerald-50 px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap text-emerald-800 ring-1 ring-emerald-200">
      {formatXPChange(amount)}
    </span>
  );
}
