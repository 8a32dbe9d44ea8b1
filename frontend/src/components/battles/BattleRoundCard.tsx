import { useState, type FormEvent } from 'react';
import { fieldErrorsFor } from '../../services/api';
import type { BattleRound } from '../../types/battles';
import { Button } from '../ui/Button';
import { Field, inputClass } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';

export const MIN_LENGTH = 10;
export const MAX_LENGTH = 500;

interface BattleRoundCardProps {
  round: BattleRound;
  canVote: boolean;
  isClosed: boolean;
  onSubmit: (text: string) => void;
  isSubmitting: boolean;
  submitError: unknown;
  onVote: (entryId: number) => void;
  votingFor: number | null;
}

/** One round: its prompt, your entry or the form for it, and the others' entries to vote for. */
export function BattleRoundCard({ round, canVote, isClosed, onSubmit, isSubmitting, submitError, onVote, votingFor }: BattleRoundCardProps) {
  const [text, setText] = useState('');
  const headingId = `battle-round-${round.number}`;
  const hasVoted = round.your_vote_entry_id !== null;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(text);
  };

  return (
    <section aria-labelledby={headingId} className="rounded-xl p-4 ring-1 ring-slate-200">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Round {round.number}
      </h2>
      <p className="mt-1 text-slate-700">{round.prompt}</p>

      {round.your_entry && (
        <p className="mt-3 rounded-lg bg-indigo-50 p-3 text-slate-800">
          <span className="font-medium">Your entry:</span> {round.your_entry.text}
        </p>
      )}

      {round.can_enter && (
        <form onSubmit={handleSubmit} className="mt-3 space-y-3">
          <Field
            label={round.number === 1 ? 'Your prompt' : `Your prompt for round ${round.number}`}
            hint={`${text.length} / ${MAX_LENGTH} characters (at least ${MIN_LENGTH}).`}
            errors={fieldErrorsFor(submitError, 'text')}
          >
            {(control) => (
              <textarea
                {...control}
                name="text"
                rows={5}
                required
                minLength={MIN_LENGTH}
                maxLength={MAX_LENGTH}
                value={text}
                onChange={(event) => setText(event.target.value)}
                className={inputClass}
              />
            )}
          </Field>
          {Boolean(submitError) && <FormAlert error={submitError} />}
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Entering…' : round.number === 1 ? 'Enter the battle' : `Submit round ${round.number}`}
          </Button>
        </form>
      )}

      {!round.can_enter && !round.your_entry && !isClosed && (
        <p className="mt-3 text-sm text-slate-600">Enter round {round.number - 1} first to open this round.</p>
      )}

      {round.entries.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-800">
            {isClosed ? 'Everyone’s entries' : hasVoted ? 'Other entries (you voted)' : 'Other entries: vote for a favourite'}
          </h3>
          <ul aria-label={`Other entries in round ${round.number}`} className="mt-2 space-y-2">
            {round.entries.map((entry) => {
              const isYourVote = round.your_vote_entry_id === entry.id;
              return (
                <li key={entry.id} className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
                  <p className="text-slate-800">{entry.text}</p>
                  <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
                    {isClosed && entry.author && (
                      <span>
                        by {entry.author} · {entry.votes} {entry.votes === 1 ? 'vote' : 'votes'}
                      </span>
                    )}
                    {isYourVote && <span className="font-medium text-emerald-700">Your vote</span>}
                    {canVote && !hasVoted && (
                      <Button variant="secondary" onClick={() => onVote(entry.id)} disabled={votingFor !== null}>
                        {votingFor === entry.id ? 'Voting…' : 'Vote'}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {round.your_entry && round.entries.length === 0 && !isClosed && (
        <p className="mt-3 text-sm text-slate-600">No one else has entered this round yet: check back later to vote.</p>
      )}
    </section>
  );
}
