import { faArrowRight, faMap } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { Link } from 'react-router';
import { QUESTS_PATH } from '../../lib/paths';
import type { QuestsPage } from '../../types/quests';
import { Card } from '../ui/Card';
import { QuestCelebration } from './QuestCelebration';
import { QuestItem } from './QuestItem';
import { QuizStreak } from './QuizStreak';

/** "This week's quests" on Your Thrive Circle: each quest's progress, and a way to the quests page. */
export function WeeklyQuestsCard({ data, now }: { data: QuestsPage; now: number }) {
  return (
    <Card
      title="This week's quests"
      icon={faMap}
      aside={
        <Link to={QUESTS_PATH} className="text-sm font-semibold text-indigo-700 hover:underline">
          All quests <FontAwesomeIcon icon={faArrowRight} />
        </Link>
      }
    >
      <QuestCelebration quests={data.quests} />
      {data.quests.length === 0 ? (
        <p className="text-slate-600">No quests this week — check back after the reset.</p>
      ) : (
        <div className="space-y-3">
          {data.quests.map((quest) => (
            <QuestItem
              key={quest.id}
              quest={quest}
              now={now}
              themeName={data.theme?.side_quest_id === quest.id ? data.theme.name : undefined}
            />
          ))}
        </div>
      )}
      <div className="mt-4">
        <QuizStreak streak={data.quiz_streak} />
      </div>
    </Card>
  );
}
