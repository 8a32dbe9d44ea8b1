import { faGraduationCap } from '@fortawesome/free-solid-svg-icons';
import { useState, type FormEvent } from 'react';
import { ActivityLayout } from '../../components/activities/ActivityLayout';
import { ActivitySuccess } from '../../components/activities/ActivitySuccess';
import { Button } from '../../components/ui/Button';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormAlert } from '../../components/ui/FormAlert';
import { LoadingRegion, Skeleton } from '../../components/ui/Skeleton';
import { useQuiz, useSubmitQuiz } from '../../services/activities';
import type { AnswerReview, Quiz } from '../../types/activities';

export default function QuickQuizPage() {
  return (
    <ActivityLayout
      title="Quick Quiz"
      icon={faGraduationCap}
      xp={20}
      description="Three questions from our question bank. Every finished quiz earns XP (5 for taking part, up to 20 with all right, plus a perfect-score bonus), and you'll see why each answer is right."
    >
      <QuizBody />
    </ActivityLayout>
  );
}

function QuizBody() {
  const quiz = useQuiz();
  if (quiz.isPending) {
    return (
      <LoadingRegion label="Loading the quiz…">
        <div className="space-y-4">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-28" />
          ))}
        </div>
      </LoadingRegion>
    );
  }
  if (quiz.isError) {
    return (
      <ErrorState
        title="We couldn't load the quiz."
        error={quiz.error}
        onRetry={() => void quiz.refetch()}
        isRetrying={quiz.isFetching}
      />
    );
  }
  return <QuizForm key={quiz.data.id} quiz={quiz.data} onAgain={() => void quiz.refetch()} />;
}

function QuizForm({ quiz, onAgain }: { quiz: Quiz; onAgain: () => void }) {
  // Chosen choice index per question id.
  const [answers, setAnswers] = useState<Record<number, number>>({});
  const submit = useSubmitQuiz();
  const answeredCount = quiz.questions.filter((question) => question.id in answers).length;
  const isComplete = answeredCount === quiz.questions.length;

  if (submit.isSuccess) {
    const { correct, total, score } = submit.data;
    return (
      <>
        <ActivitySuccess
          result={submit.data}
          summary={`You got ${correct} of ${total} right (${score}%).`}
          againLabel="Take a new quiz"
          onAgain={onAgain}
        />
        <AnswerReviewList review={submit.data.review} />
      </>
    );
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate({ quiz_id: quiz.id, answers: quiz.questions.map((question) => answers[question.id]) });
  };

  return (
    <form onSubmit={handleSubmit} className="space-y-6">
      <h2 className="text-xl font-semibold text-slate-900">{quiz.title}</h2>
      {quiz.questions.map((question, index) => (
        <fieldset key={question.id} className="space-y-2">
          <legend className="mb-2 font-semibold text-slate-900">
            {index + 1}. {question.prompt}
          </legend>
          {question.choices.map((choice, choiceIndex) => (
            <label
              key={choice}
              className="flex cursor-pointer items-center gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-checked:bg-indigo-50 has-checked:ring-indigo-400"
            >
              <input
                type="radio"
                name={`question-${question.id}`}
                value={choiceIndex}
                checked={answers[question.id] === choiceIndex}
                onChange={() => setAnswers((current) => ({ ...current, [question.id]: choiceIndex }))}
                className="size-4 accent-indigo-600"
              />
              <span className="text-slate-800">{choice}</span>
            </label>
          ))}
        </fieldset>
      ))}
      {submit.isError && <FormAlert error={submit.error} />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!isComplete || submit.isPending}>
          {submit.isPending ? 'Checking…' : 'Finish quiz'}
        </Button>
        <p className="text-sm text-slate-600" aria-live="polite">
          {answeredCount} of {quiz.questions.length} answered
        </p>
      </div>
    </form>
  );
}

/** After answering: each question, what was chosen, the right answer and why. */
function AnswerReviewList({ review }: { review: AnswerReview[] }) {
  return (
    <section aria-label="Your answers explained" className="mt-8 space-y-4 text-left">
      <h3 className="text-lg font-semibold text-slate-900">Your answers, explained</h3>
      <ol className="space-y-4">
        {review.map((item, index) => (
          <li key={item.question_id} className="rounded-xl p-4 ring-1 ring-slate-200">
            <p className="font-semibold text-slate-900">
              {index + 1}. {item.prompt}
            </p>
            <p className={item.is_correct ? 'mt-1 text-emerald-800' : 'mt-1 text-rose-800'}>
              {item.is_correct ? 'Right: ' : `You chose “${item.choices[item.chosen]}”. The right answer: `}
              <span className="font-semibold">{item.choices[item.right]}</span>
            </p>
            <p className="mt-1 text-slate-700">{item.explanation}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
