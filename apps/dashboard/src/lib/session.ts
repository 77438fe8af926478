// The signed-in token: kept in session storage; a `#token=<token>` URL fragment signs in too.
const KEY = 'outflow.token';

/** Reads a `#token=` fragment (then removes it from the address bar) or the stored token. */
export function initialToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    const token = decodeURIComponent(match[1] as string);
    saveToken(token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(KEY);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}
