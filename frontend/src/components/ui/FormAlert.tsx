import { errorMessage } from '../../services/api';

/** A failed submission's message, announced as soon as it appears. */
export function FormAlert({ error }: { error: unknown }) {
  return (
    <p role="alert" className="rounded-lg bg-rose-50 p-3 text-sm font-medium text-rose-800 ring-1 ring-rose-200">
      {errorMessage(error)}
    </p>
  );
}
