import { faArrowRight, faSeedling, faUsers, faWandMagicSparkles } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { Link } from 'react-router';
import { Card } from '../../components/ui/Card';
import { PageHeader } from '../../components/ui/PageHeader';

const WAYS_TO_GROW = [
  { to: '/quick-quizzes', label: 'Complete a Quick Quiz' },
  { to: '/play/prompt-battle', label: 'Enter a Prompt Battle' },
  { to: '/projects/new', label: 'Create a New Project' },
];

/**
 * Shown to people outside the soft launch. Friendly, and nothing about anyone's circle: it only
 * says what Thrive Circles will be and that what they do now already counts.
 */
export default function ThriveCirclesComingSoonPage() {
  return (
    <>
      <PageHeader
        title="Thrive Circles is coming soon"
        description="A fresh way to grow together, one week at a time."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="We're opening it step by step" icon={faSeedling}>
          <div className="space-y-3 text-slate-700">
            <p>
              Thrive Circles is open to a small group of early members first, and it will open for you soon. Nothing
              to do in the meantime — it will simply appear here.
            </p>
            <p>
              Each week you'll be placed in a Circle with ~20-30 others who have similar XP, and grow from Seedling to
              Luminary at your own pace. No rankings, just progress.
            </p>
          </div>
        </Card>
        <Card title="Everything you do now already counts" icon={faWandMagicSparkles}>
          <p className="text-slate-700">
            XP from quizzes, Prompt Battles, projects and daily check-ins is saved for you, so your progress is
            waiting when your Thrive Circle opens.
          </p>
          <ul className="mt-4 space-y-2">
            {WAYS_TO_GROW.map((way) => (
              <li key={way.to}>
                <Link
                  to={way.to}
                  className="group flex items-center gap-3 rounded-xl p-3 font-medium text-slate-900 ring-1 ring-slate-200 transition-colors hover:bg-indigo-50 hover:ring-indigo-200"
                >
                  <span className="min-w-0 flex-1">{way.label}</span>
                  <FontAwesomeIcon
                    icon={faArrowRight}
                    className="text-slate-500 motion-safe:transition-transform motion-safe:group-hover:translate-x-0.5"
                  />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <p className="mt-6 flex items-center gap-2 text-sm text-slate-600">
        <FontAwesomeIcon icon={faUsers} />
        Grow together, with a fresh start every week.
      </p>
    </>
  );
}
