import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { WhatAreThriveCirclesText } from '../../components/help/WhatAreThriveCircles';
import { LevelBadge } from '../../components/thriveCircle/LevelBadge';
import { Card } from '../../components/ui/Card';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageHeader } from '../../components/ui/PageHeader';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { formatNumber } from '../../lib/format';
import { HOME_PATH } from '../../lib/paths';
import { useThriveLevels } from '../../services/thriveCircles';

/** The plan's "Documentation for Users", with the level list read from the API. */
export default function ThriveCirclesHelpPage() {
  return (
    <>
      <PageHeader title="How Thrive Circles work" description="Everything you need to know, in two minutes." />
      <div className="grid gap-6 lg:grid-cols-2">
        <HelpSection title="What are Thrive Circles?">
          <WhatAreThriveCirclesText />
        </HelpSection>
        <HelpSection title="How do I earn XP?">
          <ul className="list-disc space-y-1 pl-5">
            <li>
              Complete <Link to="/quick-quizzes" className={linkClass}>Quick Quizzes</Link>
            </li>
            <li>
              Participate in <Link to="/play/prompt-battle" className={linkClass}>Prompt Battles</Link>
            </li>
            <li>
              Create and share <Link to="/projects/new" className={linkClass}>Projects</Link>
            </li>
            <li>Daily login streaks</li>
            <li>(Future: Side Quests, Weekly Challenges, Scavenger Hunts)</li>
          </ul>
        </HelpSection>
        <HelpSection title="When do Circles reset?">
          <p>
            Every Monday at midnight. Your weekly XP resets to 0, but your total XP stays forever. You'll be placed
            in a new Circle based on your total XP level.
          </p>
        </HelpSection>
        <HelpSection title="Is this a competition?">
          <p>
            Not really! We don't show rankings or #1/#2 labels. It's about finding your community and staying
            motivated together. Everyone in your Circle is on a similar journey.
          </p>
        </HelpSection>
        <div className="lg:col-span-2">
          <HelpSection title="What are the levels?">
            <LevelTable />
          </HelpSection>
        </div>
      </div>
      <p className="mt-8">
        <Link to={HOME_PATH} className={linkClass}>
          Back to Your Thrive Circle
        </Link>
      </p>
    </>
  );
}

const linkClass = 'font-semibold text-indigo-700 underline underline-offset-2 hover:text-indigo-900';

function HelpSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} className="h-full">
      <div className="space-y-2 text-slate-700">{children}</div>
    </Card>
  );
}

function LevelTable() {
  const levels = useThriveLevels();

  if (levels.isPending) {
    return (
      <LoadingRegion label="Loading levels…">
        <div className="space-y-2">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} className="h-12" />
          ))}
        </div>
      </LoadingRegion>
    );
  }
  if (levels.isError) {
    return (
      <ErrorState
        title="We couldn't load the levels."
        error={levels.error}
        onRetry={() => void levels.refetch()}
        isRetrying={levels.isFetching}
      />
    );
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">Thrive Circles levels and the total XP each starts at</caption>
        <thead>
          <tr className="border-b border-slate-200 text-sm text-slate-600">
            <th scope="col" className="py-2 pr-4 font-semibold">Level</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Starts at</th>
            <th scope="col" className="hidden py-2 font-semibold sm:table-cell">About</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {levels.data.map((level) => (
            <tr key={level.id}>
              <th scope="row" className="py-3 pr-4">
                <span className="flex items-center gap-3 font-semibold text-slate-900">
                  <LevelBadge level={level} size="sm" />
                  {level.name}
                </span>
              </th>
              <td className="py-3 pr-4 whitespace-nowrap text-slate-800">{formatNumber(level.min_xp)}+ XP</td>
              <td className="hidden py-3 text-slate-700 sm:table-cell">{level.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
