import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { AuthLayout } from '../../components/auth/AuthLayout';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { fieldErrorsFor } from '../../services/api';
import { useRequestPasswordReset, useSession } from '../../services/auth';

export default function ForgotPasswordPage() {
  const session = useSession(); // sets the CSRF cookie the POST needs
  const reset = useRequestPasswordReset();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate(String(new FormData(event.currentTarget).get('email')));
  };

  return (
    <AuthLayout title="Reset your password" lead="We'll email you a link to choose a new one.">
      {reset.isSuccess ? (
        <p role="status" className="mt-6 rounded-lg bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">
          If an account uses {reset.variables}, a reset link is on its way. Check your inbox.
        </p>
      ) : (
        <form className="mt-6 space-y-4" onSubmit={handleSubmit}>
          <Field label="Email" errors={fieldErrorsFor(reset.error, 'email')}>
            {(control) => <input {...control} name="email" type="email" autoComplete="email" required className={inputClass} />}
          </Field>
          {reset.isError && !fieldErrorsFor(reset.error, 'email') && <FormAlert error={reset.error} />}
          <Button type="submit" className="w-full" disabled={reset.isPending || !session.isSuccess}>
            {reset.isPending ? 'Sending…' : 'Email me a link'}
          </Button>
        </form>
      )}
      <p className="mt-4 text-sm">
        <Link to="/login" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </AuthLayout>
  );
}
