// Live payload preview: what the connector would send for sample events, as settings change.
import { useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import type { PreviewAnswer } from '../api/types';
import { useApi } from '../api/use-api';
import { Loading, Notice } from './ui';

/** A JSON body indented; JSON Lines indented one document at a time; anything else as sent. */
export function pretty(body: string): string {
  const indent = (text: string) => JSON.stringify(JSON.parse(text), null, 2);
  try {
    return indent(body);
  } catch {
    const lines = body.split('\n').filter((l) => l.trim() !== '');
    try {
      return lines.length > 1 ? lines.map(indent).join('\n') : body;
    } catch {
      return body;
    }
  }
}

export function PayloadPreview({ request, waiting }: { request: Record<string, unknown> | null; waiting?: string }) {
  const api = useApi();
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [index, setIndex] = useState(0);
  const key = request ? JSON.stringify(request) : '';
  useEffect(() => {
    if (!request) return;
    let live = true;
    setBusy(true);
    const t = setTimeout(() => {
      api.preview(request).then(
        (a) => {
          if (!live) return;
          setAnswer(a);
          setError(null);
          setIndex(0);
          setBusy(false);
        },
        (e: ApiError) => {
          if (!live) return;
          setError(e);
          setBusy(false);
        },
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, key]);

  if (!request) return <p className="muted">{waiting ?? 'Pick a service to see what it will receive.'}</p>;
  const req = answer?.requests[Math.min(index, (answer?.requests.length ?? 1) - 1)];
  return (
    <div className="preview" aria-live="polite" data-busy={busy || undefined}>
      <div className="preview-head">
        <span className="muted">
          {answer
            ? `${answer.events.length} sample event${answer.events.length === 1 ? '' : 's'} → ${answer.requests.length} request${answer.requests.length === 1 ? '' : 's'}`
            : 'Sample events'}
        </span>
        {busy ? <span className="spinner spinner-sm" aria-label="Updating preview" /> : null}
      </div>
      {error ? (
        <Notice tone={error.status === 404 || error.status === 405 ? 'info' : 'warning'}>
          {error.status === 404 || error.status === 405
            ? 'This server has no preview endpoint yet.'
            : error.issues.length
              ? `Fix the settings to see the payload: ${error.issues.map((i) => `${i.path.replace(/^sink\./, '')}: ${i.message}`).join('; ')}`
              : error.message}
        </Notice>
      ) : null}
      {!answer && !error ? <Loading label="Building the preview…" /> : null}
      {answer && answer.requests.length > 1 ? (
        <div className="preview-tabs" role="tablist" aria-label="Requests">
          {answer.requests.map((_, i) => (
            <button key={i} role="tab" type="button" aria-selected={i === index} className={i === index ? 'on' : ''} onClick={() => setIndex(i)}>
              Request {i + 1}
            </button>
          ))}
        </div>
      ) : null}
      {req ? (
        <div className={`preview-request ${error ? 'stale' : ''}`}>
          <div className="preview-line">
            <span className="method">{req.method}</span> <span className="url">{req.url}</span>
          </div>
          <dl className="preview-headers">
            {Object.entries(req.headers).map(([k, v]) => (
              <div key={k}>
                <dt>{k}:</dt> <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <pre className="code" data-testid="payload-preview" tabIndex={0} aria-label="Request body">
            {pretty(req.body)}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
