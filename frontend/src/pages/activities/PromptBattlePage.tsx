import { faGamepad } from '@fortawesome/free-solid-svg-icons';
import { useState, type FormEvent } from 'react';
import { ActivityLayout } from '../../components/activities/ActivityLayout';
import { ActivitySuccess } from '../../components/activities/ActivitySuccess';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { fieldErrorsFor } from '../../services/api';
import { useEnterPromptBattle } from '../../services/activities';

const MIN_LENGTH = 10;
const MAX_LENGTH = 500;

export default function PromptBattlePage() {
  const [prompt, setPrompt] = useState('');
  const battle = useEnterPromptBattle();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    battle.mutate({ prompt });
  };

  return (
    <ActivityLayout
      title="Prompt Battle"
      icon={faGamepad}
      xp={25}
      description="Write your best prompt for this round's challenge: “Describe a sunrise to someone who has never seen one.”"
    >
      {battle.isSuccess ? (
        <ActivitySuccess
          result={battle.data}
          againLabel="Enter another prompt"
          onAgain={() => {
            battle.reset();
            setPrompt('');
          }}
        />
      ) : (
        <form onSubmit={handleSubmit} className="space-y-4">
          <Field
            label="Your prompt"
            hint={`${prompt.length} / ${MAX_LENGTH} characters (at least ${MIN_LENGTH}).`}
            errors={fieldErrorsFor(battle.error, 'prompt')}
          >
            {(control) => (
              <textarea
                {...control}
                name="prompt"
                rows={6}
                required
                minLength={MIN_LENGTH}
                maxLength={MAX_LENGTH}
                value={prompt}
                onChange={(event) => setPrompt(event.target.value)}
                className={inputClass}
              />
            )}
          </Field>
          {battle.isError && <FormAlert error={battle.error} />}
          <Button type="submit" disabled={battle.isPending}>
            {battle.isPending ? 'Entering…' : 'Enter the battle'}
          </Button>
        </form>
      )}
    </ActivityLayout>
  );
}
