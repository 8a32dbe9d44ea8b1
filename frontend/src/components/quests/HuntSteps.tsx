import { faCircleCheck, faLock } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { HuntStep } from '../../types/quests';
import { Button } from '../ui/Button';
import { Field, inputClass } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';

interface HuntStepsProps {
  steps: HuntStep[];
  /** Sends an answer; rejects with the API's error (wrong answer, too many tries). */
  onAnswer: (order: number, answer: string) => Promise<unknown>;
}

/** A hunt's trail: solved clues, the open clue with its answer form, and locked ones. */
export function HuntSteps({ steps, onAnswer }: HuntStepsProps) {
  return (
    <ol className="mt-3 space-y-2">
      {steps.map((step) => (
        <li key={step.order} className="rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
          {step.solved ? (
            <p className="text-emerald-800">
              <FontAwesomeIcon icon={faCircleCheck} /> Clue {step.order} solved: {step.clue}
            </p>
          ) : step.is_open ? (
            <OpenStep step={step} onAnswer={onAnswer} />
          ) : (
            <p className="text-slate-600">
              <FontAwesomeIcon icon={faLock} /> Clue {step.order} opens when you solve the one before.
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function OpenStep({ step, onAnswer }: { step: HuntStep; onAnswer: HuntStepsProps['onAnswer'] }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSending(true);
    setError(null);
    try {
      await onAnswer(step.order, answer);
      setAnswer('');
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <p className="font-medium text-slate-900">
        Clue {step.order}: {step.clue}
      </p>
      {step.link && (
        <Link to={step.link} className="text-indigo-700 underline">
          Where to look
        </Link>
      )}
      <Field label={`Your answer to clue ${step.order}`}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            value={answer}
            maxLength={200}
            required
            onChange={(event) => setAnswer(event.target.value)}
          />
        )}
      </Field>
      {error !== null && <FormAlert error={error} />}
      <Button type="submit" disabled={isSending || answer.trim() === ''}>
        {isSending ? 'Checking…' : 'Check answer'}
      </Button>
    </form>
  );
}
