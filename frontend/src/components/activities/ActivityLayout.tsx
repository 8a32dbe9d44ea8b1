import type { IconDefinition } from '@fortawesome/fontawesome-svg-core';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import type { ReactNode } from 'react';
import { XPAmount } from '../thriveCircle/XPAmount';
import { PageHeader } from '../ui/PageHeader';

interface ActivityLayoutProps {
  title: string;
  icon: IconDefinition;
  /** XP the activity usually awards. */
  xp: number;
  description: string;
  children: ReactNode;
}

export function ActivityLayout({ title, icon, xp, description, children }: ActivityLayoutProps) {
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={title} description={description}>
        <span className="flex items-center gap-2 text-sm text-slate-700">
          <FontAwesomeIcon icon={icon} className="text-indigo-600" />
          Earn <XPAmount amount={xp} />
        </span>
      </PageHeader>
      <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">{children}</div>
    </div>
  );
}
