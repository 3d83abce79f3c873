import { FormEvent, useState } from 'react';
import type { Session } from '../api/answers';
import { api, call } from '../api/client';
import { Field, FormProblem, useSubmit } from '../ui';

/**
 * Sign-in: the token is sent once and exchanged for an HttpOnly session cookie; the console never
 * keeps it (no localStorage, not even in memory after this form).
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const { submit, busy, problem, fields } = useSubmit();
  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const session = await call<Session>(api.POST('/api/v1/console/sessions', { body: { token } }));
      setToken('');
      onSignedIn(session);
    });
  };
  return (
    <main className="sign-in">
      <h1>Tally</h1>
      <p>
        Metering & Billing. Sign in with an API token (the first one is in <code>.data/admin-token</code>).
      </p>
      <form onSubmit={signIn} aria-label="Sign in">
        <Field label="API token" error={fields.token}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="off"
              value={token}
              onChange={(event) => setToken(event.target.value)}
              required
            />
          )}
        </Field>
        <FormProblem problem={problem} shown={['token']} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
