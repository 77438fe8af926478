// The dashboard shell: sign-in gate, top bar and the page for the current path.
import { useMemo, useState } from 'react';
import { createApi } from './api/client';
import { ApiContext } from './api/use-api';
import { Link, navigate, usePath } from './lib/router';
import { clearToken, initialToken, saveToken } from './lib/session';
import { CreateStreamPage } from './pages/create-stream';
import { RunnersPage } from './pages/runners-page';
import { SignInPage } from './pages/sign-in';
import { StreamPage } from './pages/stream-page';
import { StreamsListPage } from './pages/streams-list';

export function App() {
  const [token, setToken] = useState<string | null>(() => initialToken());
  const [expired, setExpired] = useState(false);
  const path = usePath();
  const signOut = (why?: 'expired') => {
    clearToken();
    setToken(null);
    setExpired(why === 'expired');
  };
  const api = useMemo(() => (token ? createApi(token, () => signOut('expired')) : null), [token]);

  if (!token || !api) {
    return (
      <SignInPage
        expired={expired}
        onSignIn={(t) => {
          saveToken(t);
          setExpired(false);
          setToken(t);
        }}
      />
    );
  }

  const streamMatch = /^\/streams\/([^/]+)(?:\/(health|dead-letters|settings))?\/?$/.exec(path);
  let page;
  if (path === '/' || path === '/streams' || path === '/streams/') page = <StreamsListPage />;
  else if (path === '/streams/new') page = <CreateStreamPage />;
  else if (path === '/runners' || path === '/runners/') page = <RunnersPage />;
  else if (streamMatch)
    page = (
      <StreamPage id={decodeURIComponent(streamMatch[1] as string)} tab={(streamMatch[2] as 'health' | 'dead-letters' | 'settings' | undefined) ?? 'health'} />
    );
  else
    page = (
      <div className="page">
        <h1>Page not found</h1>
        <p>
          <Link to="/">Back to the log streams</Link>
        </p>
      </div>
    );

  return (
    <ApiContext.Provider value={api}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Outflow home">
          <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden>
            <rect width="32" height="32" rx="7" fill="#4f46e5" />
            <path d="M7 20c4 0 5-8 9-8s5 8 9 8" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
          </svg>
          <span>Outflow</span>
        </Link>
        <nav className="topnav" aria-label="Main">
          <Link to="/" aria-current={path === '/' || path.startsWith('/streams') ? 'page' : undefined}>
            Log streams
          </Link>
          <Link to="/runners" aria-current={path.startsWith('/runners') ? 'page' : undefined}>
            Runners
          </Link>
        </nav>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            signOut();
            navigate('/', true);
          }}
        >
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </ApiContext.Provider>
  );
}
