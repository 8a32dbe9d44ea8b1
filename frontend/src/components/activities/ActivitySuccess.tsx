import { faArrowRight, faCircleCheck } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatXPChange } from '../../lib/format';
import { HOME_PATH } from '../../lib/paths';
import type { ActivityResult } from '../../types/activities';
import { Button } from '../ui/Button';
import { buttonClass } from '../ui/buttonStyles';

interface ActivitySuccessProps {
  result: ActivityResult;
  /** Extra outcome line, e.g. a quiz score. */
  summary?: string;
  againLabel: string;
  onAgain: () => void;
}

export function ActivitySuccess({ result, summary, againLabel, onAgain }: ActivitySuccessProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone; move focus to the outcome so keyboard and
  // screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="text-center">
      <FontAwesomeIcon icon={faCircleCheck} className="text-4xl text-emerald-600" />
      <h2 ref={headingRef} tabIndex={-1} className="mt-3 text-2xl font-bold text-slate-900">
        {result.points_awarded > 0 ? `Nice work! ${formatXPChange(result.points_awarded)}` : 'Thanks for taking part!'}
      </h2>
      {summary && <p className="mt-2 text-lg text-slate-800">{summary}</p>}
      <p className="mt-2 text-slate-700">{result.message}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link to={HOME_PATH} className={buttonClass()}>
          Back to Your Thrive Circle
          <FontAwesomeIcon icon={faArrowRight} />
        </Link>
        <Button variant="secondary" onClick={onAgain}>
          {againLabel}
        </Button>
      </div>
    </div>
  );
}
