import { faRightToBracket } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import type { FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { AuthLayout } from '../../components/auth/AuthLayout';
import { Button } from '../../components/ui/Button';
import { ErrorState } from '../../components/ui/ErrorState';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { useLogin, useSession } from '../../services/auth';
import { safeNextPath } from '../../lib/paths';

const linkClass = 'font-medium text-indigo-700 underline-offset-2 hover:underline';

export default function LoginPage() {
  const [searchParams] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const next = searchParams.get('next');

  // Signing in stores the new session, so this also redirects after a successful login.
  if (session.data?.user) return <Navigate to={safeNextPath(next)} replace />;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ username: String(form.get('username')), password: String(form.get('password')) });
  };

  return (
    <AuthLayout title="Sign in" lead="Welcome back — your circle is waiting.">
      {session.isError && (
        <div className="mt-4">
          <ErrorState
            title="We couldn't reach Thrive Circles."
            error={session.error}
            onRetry={() => void session.refetch()}
            isRetrying={session.isFetching}
          />
        </div>
      )}

      <form className="mt-6 space-y-4" onSubmit={handleSubmit}>
        <Field label="Username">
          {(control) => <input {...control} name="username" autoComplete="username" required className={inputClass} />}
        </Field>
        <Field label="Password">
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className={inputClass}
            />
          )}
        </Field>

        {login.isError && <FormAlert error={login.error} />}

        {/* The session request sets the CSRF cookie the login POST needs. */}
        <Button type="submit" className="w-full" disabled={login.isPending || !session.isSuccess}>
          <FontAwesomeIcon icon={faRightToBracket} />
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <p className="mt-4 text-sm">
        <Link to="/forgot-password" className={linkClass}>
          Forgot your password?
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-700">
        New here?{' '}
        <Link to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'} className={linkClass}>
          Create an account
        </Link>
      </p>
      <p className="mt-4 text-sm text-slate-600">Demo users: see the README — e.g. explorer_eve / thrive-demo</p>
    </AuthLayout>
  );
}
