import { faGamepad } from '@fortawesome/free-solid-svg-icons';
import { useEffect, useRef } from 'react';
import { ActivityLayout } from '../../components/activities/ActivityLayout';
import { BattleRoundCard } from '../../components/battles/BattleRoundCard';
import { BattleStatus } from '../../components/battles/BattleStatus';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormAlert } from '../../components/ui/FormAlert';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { formatXPChange } from '../../lib/format';
import { ApiError } from '../../services/api';
import { useCurrentBattle, useSubmitBattleEntry, useVoteForEntry } from '../../services/battles';
import type { BattleEntryResult } from '../../types/battles';

const PARTICIPATE_XP = 25;

function EntrySuccess({ result }: { result: BattleEntryResult }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone; move focus to the outcome.
  useEffect(() => {
    headingRef.current?.focus();
  }, [result]);
  return (
    <div className="rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200">
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-bold text-emerald-900">
        {result.points_awarded > 0 ? `Nice work! ${formatXPChange(result.points_awarded)}` : 'Thanks for taking part!'}
      </h2>
      <p className="mt-1 text-emerald-900">{result.message}</p>
    </div>
  );
}

export default function PromptBattlePage() {
  const battle = useCurrentBattle();
  const entry = useSubmitBattleEntry();
  const vote = useVoteForEntry();

  if (battle.isPending) {
    return (
      <ActivityLayout title="Prompt Battle" icon={faGamepad} xp={PARTICIPATE_XP} description="This week's challenge">
        <LoadingRegion label="Loading this week's Prompt Battle">
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="mt-4 h-32 w-full" />
        </LoadingRegion>
      </ActivityLayout>
    );
  }
  if (battle.isError) {
    const noBattle = battle.error instanceof ApiError && battle.error.code === 'no_battle_this_week';
    return (
      <ActivityLayout title="Prompt Battle" icon={faGamepad} xp={PARTICIPATE_XP} description="This week's challenge">
        {noBattle ? (
          <p className="text-slate-700">There is no Prompt Battle this week yet. Check back soon!</p>
        ) : (
          <ErrorState
            title="Couldn't load the Prompt Battle"
            error={battle.error}
            onRetry={() => void battle.refetch()}
            isRetrying={battle.isFetching}
          />
        )}
      </ActivityLayout>
    );
  }

  const data = battle.data;
  return (
    <ActivityLayout title="Prompt Battle" icon={faGamepad} xp={data.xp.participate} description={`This week: ${data.title}. ${data.challenge}`}>
      <div className="space-y-4">
        <BattleStatus battle={data} />
        <p className="text-sm text-slate-600">
          Taking part earns {formatXPChange(data.xp.participate)}, each round {formatXPChange(data.xp.round)}. Vote for the
          entries you like best (one per round, not your own); when the battle closes, the entries with the most votes
          earn {formatXPChange(data.xp.win)}, a tie for all of them.
        </p>
        {entry.isSuccess && <EntrySuccess result={entry.data} />}
        {vote.isError && <FormAlert error={vote.error} />}
        {data.rounds.map((round) => (
          <BattleRoundCard
            key={round.number}
            round={round}
            canVote={data.can_vote}
            isClosed={data.is_closed}
            onSubmit={(text) => entry.mutate({ battleId: data.id, round: round.number, text })}
            isSubmitting={entry.isPending && entry.variables?.round === round.number}
            submitError={entry.isError && entry.variables?.round === round.number ? entry.error : null}
            onVote={(entryId) => vote.mutate(entryId)}
            votingFor={vote.isPending ? vote.variables : null}
          />
        ))}
      </div>
    </ActivityLayout>
  );
}
