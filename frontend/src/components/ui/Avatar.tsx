import { useState } from 'react';

const SIZES = {
  sm: 'size-8 text-xs',
  md: 'size-10 text-sm',
} as const;

// Light backgrounds with dark text keep initials readable (WCAG AA).
const PALETTE = [
  'bg-indigo-100 text-indigo-800',
  'bg-emerald-100 text-emerald-800',
  'bg-amber-100 text-amber-900',
  'bg-sky-100 text-sky-800',
  'bg-rose-100 text-rose-800',
  'bg-violet-100 text-violet-800',
];

function paletteFor(username: string): string {
  let hash = 0;
  for (const char of username) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

function initials(username: string): string {
  const parts = username.split(/[\s._-]+/).filter(Boolean);
  return (parts.length > 1 ? parts[0][0] + parts[1][0] : username.slice(0, 2)).toUpperCase();
}

interface AvatarProps {
  username: string;
  url: string | null;
  size?: keyof typeof SIZES;
}

/** Decorative: the username is always shown beside it. Falls back to initials if the image fails. */
export function Avatar({ username, url, size = 'md' }: AvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const sizeClass = `${SIZES[size]} shrink-0 rounded-full`;

  if (url && url !== failedUrl) {
    return (
      <img
        src={url}
        alt=""
        loading="lazy"
        onError={() => setFailedUrl(url)}
        className={`${sizeClass} bg-slate-200 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${sizeClass} inline-flex items-center justify-center font-semibold ${paletteFor(username)}`}
    >
      {initials(username)}
    </span>
  );
}
