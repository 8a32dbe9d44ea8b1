import { useState } from 'react';
import { HuntSteps } from '../../components/quests/HuntSteps';
import { QuestCelebration } from '../../components/quests/QuestCelebration';
import { QuestItem } from '../../components/quests/QuestItem';
import { QuizStreak } from '../../components/quests/QuizStreak';
import { ThemeBadge } from '../../components/quests/ThemeBadge';
import { LiveIndicator } from '../../components/thriveCircle/LiveIndicator';
import { Card } from '../../components/ui/Card';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageHeader } from '../../components/ui/PageHeader';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { useLiveCircle } from '../../services/liveCircle';
import { useAnswerHuntStep, useMyQuests } from '../../services/quests';
import type { Quest, QuestKind, QuestsPage as QuestsData } from '../../types/quests';

const SECTIONS: { kind: QuestKind; title: string }[] = [
  { kind: 'weekly_challenge', title: 'Weekly challenge' },
  { kind: 'side_quest', title: 'Side quests' },
  { kind: 'scavenger_hunt', title: 'Scavenger hunts' },
];

export default function QuestsPage() {
  const { data, error, isError, isFetching, refetch } = useMyQuests();
  // The bars move as awards land (quest_progress on the person's socket), not only every 30 s.
  const live = useLiveCircle();
  // Time left is counted from when the page rendered; a refetch every 30 s moves it on.
  const [now] = useState(() => Date.now());

  let body;
  if (data) {
    body = <QuestSections data={data} now={now} />;
  } else if (isError) {
    body = <ErrorState title="We couldn't load your quests." error={error} onRetry={() => void refetch()} isRetrying={isFetching} />;
  } else {
    body = (
      <LoadingRegion label="Loading your quests…">
        <Skeleton className="h-40 rounded-2xl" />
      </LoadingRegion>
    );
  }
  return (
    <>
      <PageHeader
        title="Quests"
        description="Optional goals for the week: side quests, the weekly challenge and scavenger hunts. Every quest earns XP."
      >
        <LiveIndicator status={live.status} />
      </PageHeader>
      {body}
    </>
  );
}

function QuestSections({ data, now }: { data: QuestsData; now: number }) {
  const answer = useAnswerHuntStep();
  const themeName = (quest: Quest) => (data.theme?.side_quest_id === quest.id ? data.theme.name : undefined);
  return (
    <div className="space-y-6">
      {data.theme && <ThemeBadge theme={data.theme} />}
      <QuestCelebration quests={data.quests} />
      {SECTIONS.map(({ kind, title }) => {
        const quests = data.quests.filter((quest) => quest.kind === kind);
        if (quests.length === 0) return null;
        return (
          <Card key={kind} title={title}>
            <div className="space-y-3">
              {quests.map((quest) => (
                <QuestItem key={quest.id} quest={quest} now={now} themeName={themeName(quest)}>
                  {quest.kind === 'scavenger_hunt' && quest.completed_at === null && (
                    <HuntSteps
                      steps={quest.steps}
                      onAnswer={(order, text) => answer.mutateAsync({ questId: quest.id, order, answer: text })}
                    />
                  )}
                </QuestItem>
              ))}
            </div>
          </Card>
        );
      })}
      {data.quests.length === 0 && <p className="text-slate-600">No quests this week — check back after the reset.</p>}
      <Card title="Quiz streak bonus">
        <QuizStreak streak={data.quiz_streak} />
      </Card>
    </div>
  );
}
