// Sign in with an API token; the token is checked against the API before it is kept.
import { useState, type FormEvent } from 'react';
import { type ApiError, createApi } from '../api/client';
import { Button, Notice } from '../components/ui';

export function SignInPage({ onSignIn, expired }: { onSignIn: (token: string) => void; expired: boolean }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim();
    if (!t) return setError('Enter a token.');
    setBusy(true);
    setError(null);
    try {
      await createApi(t, () => {}).listStreams();
      onSignIn(t);
    } catch (err) {
      const e2 = err as ApiError;
      setError(
        e2.status === 401
          ? 'This token is not valid. Check it and try again.'
          : e2.status === 403
            ? `This token cannot read log streams (${e2.message})`
            : e2.message,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="signin">
      <form className="signin-card" onSubmit={submit} noValidate>
        <div className="signin-brand">
          <svg width="40" height="40" viewBox="0 0 32 32" aria-hidden>
            <rect width="32" height="32" rx="7" fill="#4f46e5" />
            <path d="M7 20c4 0 5-8 9-8s5 8 9 8" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
          </svg>
          <h1>Sign in to Outflow</h1>
          <p className="muted">Use an API token of your tenant. It is kept in this browser tab only.</p>
        </div>
        {expired ? <Notice tone="warning">Your token is no longer accepted. Sign in again.</Notice> : null}
        <label className="field">
          <span className="field-label">API token</span>
          <input
            type="password"
            name="token"
            autoComplete="off"
            autoFocus
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'token-error' : 'token-help'}
          />
          {error ? (
            <span className="field-error" id="token-error" role="alert">
              {error}
            </span>
          ) : (
            <span className="field-help" id="token-help">
              A token with the <code>read:log_streams</code> scope; more scopes unlock more actions.
            </span>
          )}
        </label>
        <Button variant="primary" type="submit" busy={busy}>
          Sign in
        </Button>
      </form>
    </div>
  );
}
