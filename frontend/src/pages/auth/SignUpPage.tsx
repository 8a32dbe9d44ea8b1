import { faUserPlus } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import type { FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { AuthLayout } from '../../components/auth/AuthLayout';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { fieldErrorsFor } from '../../services/api';
import { useSession, useSignUp } from '../../services/auth';
import { safeNextPath } from '../../lib/paths';

export default function SignUpPage() {
  const [searchParams] = useSearchParams();
  const session = useSession();
  const signUp = useSignUp();

  // A new account is signed in at once; the circle page then shows the first-visit tour.
  if (session.data?.user) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signUp.mutate({
      username: String(form.get('username')),
      email: String(form.get('email')),
      password: String(form.get('password')),
    });
  };
  const errorsFor = (field: string) => fieldErrorsFor(signUp.error, field);
  const hasFieldErrors = ['username', 'email', 'password'].some((field) => errorsFor(field));

  return (
    <AuthLayout title="Create your account" lead="Join in: you'll meet your Thrive Circle right away.">
      <form className="mt-6 space-y-4" onSubmit={handleSubmit}>
        <Field label="Username" hint="Letters, digits and @ . + - _ only." errors={errorsFor('username')}>
          {(control) => (
            <input {...control} name="username" autoComplete="username" required maxLength={150} className={inputClass} />
          )}
        </Field>
        <Field label="Email" hint="Only for resetting your password." errors={errorsFor('email')}>
          {(control) => <input {...control} name="email" type="email" autoComplete="email" required className={inputClass} />}
        </Field>
        <Field
          label="Password"
          hint="At least 8 characters, not too common, not all digits, not like your username."
          errors={errorsFor('password')}
        >
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              className={inputClass}
            />
          )}
        </Field>

        {signUp.isError && !hasFieldErrors && <FormAlert error={signUp.error} />}

        <Button type="submit" className="w-full" disabled={signUp.isPending || !session.isSuccess}>
          <FontAwesomeIcon icon={faUserPlus} />
          {signUp.isPending ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
      <p className="mt-4 text-sm text-slate-700">
        Already have an account?{' '}
        <Link to="/login" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </AuthLayout>
  );
}
