const VARIANTS = {
  primary: 'bg-indigo-600 text-white shadow-sm hover:bg-indigo-700',
  secondary: 'bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50',
  quiet: 'text-indigo-700 hover:bg-indigo-50',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** Button looks, shared with links that act as calls to action. */
export function buttonClass(variant: ButtonVariant = 'primary'): string {
  return `inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]}`;
}
