import type { IconDefinition } from '@fortawesome/fontawesome-svg-core';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { useId, type ReactNode } from 'react';

interface CardProps {
  title: string;
  icon?: IconDefinition;
  /** Extra content beside the heading, e.g. a count or a link. */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled section: its heading names the region for assistive tech. */
export function Card({ title, icon, aside, className = '', children }: CardProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6 ${className}`}
    >
      <div className="mb-4 flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          {icon && <FontAwesomeIcon icon={icon} className="text-indigo-600" />}
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
