import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/api-client';
import { signIn } from '../api/auth.api';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import '../auth/auth.css';

/** Only same-site paths: `?next=https://elsewhere` must not turn sign-in into an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · Rolecall';
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn({ email, password });
      // A full load, so every page starts from the new session's cookies.
      window.location.assign(safeNext(params.get('next')));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <div className="sidebar-brand">
          <span className="sidebar-logo" aria-hidden="true">
            R
          </span>
          <h1 id="sign-in-title" className="sign-in-title">
            Sign in to Rolecall
          </h1>
        </div>
        {error && <Notice tone="error">{error}</Notice>}
        <FormField label="Email" htmlFor="sign-in-email">
          <input id="sign-in-email" className="input" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </FormField>
        <FormField label="Password" htmlFor="sign-in-password">
          <input
            id="sign-in-password"
            className="input"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </FormField>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="field-hint">
          First start with <code>npm start</code>? The demo admin&apos;s password is printed in the terminal and kept in{' '}
          <code>.rolecall/demo-admin.txt</code>.
        </p>
      </form>
    </main>
  );
}
