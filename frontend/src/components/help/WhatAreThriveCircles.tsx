import { faChevronDown, faCircleQuestion } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { Link } from 'react-router';

/** The plan's answer to "What are Thrive Circles?", shared by the help page and the panel. */
export function WhatAreThriveCirclesText() {
  return (
    <p>
      Thrive Circles are weekly groups of users at similar skill levels who learn and grow together. Each week,
      you'll be placed in a Circle with ~20-30 others who have similar XP (experience points).
    </p>
  );
}

/** A collapsed explainer for the top of Your Thrive Circle; <details> gives keyboard and screen-reader support for free. */
export function WhatAreThriveCirclesPanel() {
  return (
    <details className="group mb-6 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-2xl p-4 font-semibold text-slate-900 [&::-webkit-details-marker]:hidden">
        <FontAwesomeIcon icon={faCircleQuestion} className="text-indigo-600" />
        What are Thrive Circles?
        <FontAwesomeIcon
          icon={faChevronDown}
          className="ml-auto text-slate-500 motion-safe:transition-transform group-open:rotate-180"
        />
      </summary>
      <div className="space-y-2 px-4 pb-4 text-slate-700">
        <WhatAreThriveCirclesText />
        <p>
          There are no rankings — just you, your circle and a fresh start every Monday.{' '}
          <Link to="/help/thrive-circles" className="font-semibold text-indigo-700 underline underline-offset-2">
            Learn how Thrive Circles work
          </Link>
        </p>
      </div>
    </details>
  );
}
