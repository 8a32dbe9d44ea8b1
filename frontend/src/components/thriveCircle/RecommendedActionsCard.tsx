import { faArrowRight, faLightbulb } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { Link } from 'react-router';
import { iconByName } from '../../lib/icons';
import type { RecommendedAction } from '../../types/thriveCircles';
import { Card } from '../ui/Card';
import { XPAmount } from './XPAmount';

export function RecommendedActionsCard({ actions }: { actions: RecommendedAction[] }) {
  return (
    <Card title="Ways to grow this week" icon={faLightbulb}>
      {actions.length === 0 ? (
        <p className="text-slate-600">No suggestions right now — check back soon.</p>
      ) : (
        <ul className="space-y-2">
          {actions.map((action) => (
            <li key={action.url}>
              <Link
                to={action.url}
                className="group flex items-center gap-3 rounded-xl p-3 ring-1 ring-slate-200 transition-colors hover:bg-indigo-50 hover:ring-indigo-200"
              >
                <span
                  aria-hidden="true"
                  className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-indigo-700"
                >
                  <FontAwesomeIcon icon={iconByName(action.icon)} />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-slate-900">{action.label}</span>
                  <span className="block text-sm text-slate-600">{action.reason}</span>
                </span>
                <XPAmount amount={action.xp} />
                <FontAwesomeIcon
                  icon={faArrowRight}
                  className="text-slate-500 motion-safe:transition-transform motion-safe:group-hover:translate-x-0.5"
                />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
