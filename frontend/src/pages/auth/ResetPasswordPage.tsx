import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthLayout } from '../../components/auth/AuthLayout';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { fieldErrorsFor } from '../../services/api';
import { useConfirmPasswordReset, useSession } from '../../services/auth';

const linkClass = 'font-medium text-indigo-700 underline-offset-2 hover:underline';

/** Opened from the emailed link: /reset-password?uid=…&token=… */
export default function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const session = useSession(); // sets the CSRF cookie the POST needs
  const confirm = useConfirmPasswordReset();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate({
      uid: searchParams.get('uid') ?? '',
      token: searchParams.get('token') ?? '',
      new_password: String(new FormData(event.currentTarget).get('new_password')),
    });
  };
  const passwordErrors = fieldErrorsFor(confirm.error, 'new_password');

  return (
    <AuthLayout title="Choose a new password" lead="Then sign in with it.">
      {confirm.isSuccess ? (
        <p role="status" className="mt-6 rounded-lg bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">
          Your password is changed.{' '}
          <Link to="/login" className={linkClass}>
            Sign in
          </Link>
        </p>
      ) : (
        <form className="mt-6 space-y-4" onSubmit={handleSubmit}>
          <Field label="New password" hint="At least 8 characters, not too common, not all digits." errors={passwordErrors}>
            {(control) => (
              <input
                {...control}
                name="new_password"
                type="password"
                autoComplete="new-password"
                required
                className={inputClass}
              />
            )}
          </Field>
          {confirm.isError && !passwordErrors && <FormAlert error={confirm.error} />}
          <Button type="submit" className="w-full" disabled={confirm.isPending || !session.isSuccess}>
            {confirm.isPending ? 'Saving…' : 'Set new password'}
          </Button>
        </form>
      )}
      {confirm.isError && !passwordErrors && (
        <p className="mt-4 text-sm">
          <Link to="/forgot-password" className={linkClass}>
            Ask for a new link
          </Link>
        </p>
      )}
    </AuthLayout>
  );
}
