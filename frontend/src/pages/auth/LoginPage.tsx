import { faRightToBracket } from '@fortawesome/free-solid-svg-icons';
import { FontAwesomeIcon } from '@fortawesome/react-fontawesome';
import type { FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { BrandMark } from '../../components/layout/BrandMark';
import { Button } from '../../components/ui/Button';
import { ErrorState } from '../../components/ui/ErrorState';
import { Field, inputClass } from '../../components/ui/Field';
import { FormAlert } from '../../components/ui/FormAlert';
import { useLogin, useSession } from '../../services/auth';
import { safeNextPath } from '../../lib/paths';

export default function LoginPage() {
  const [searchParams] = useSearchParams();
  const session = useSession();
  const login = useLogin();

  // Signing in stores the new session, so this also redirects after a successful login.
  if (session.data?.user) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ username: String(form.get('username')), password: String(form.get('password')) });
  };

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <title>Sign in · Thrive Circles</title>
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center">
          <BrandMark />
        </div>
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 className="text-2xl font-bold text-slate-900">Sign in</h1>
          <p className="mt-1 text-slate-600">Welcome back — your circle is waiting.</p>

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
              {(control) => (
                <input {...control} name="username" autoComplete="username" required className={inputClass} />
              )}
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
          <p className="mt-4 text-sm text-slate-600">Demo users: see the README — e.g. explorer_eve / thrive-demo</p>
        </div>
      </div>
    </main>
  );
}
