// Stream actions: pause, resume (restart after suspension), send a test event, delete with confirmation.
import { useRef, useState } from 'react';
import type { ApiError } from '../api/client';
import type { StreamView, TestAnswer } from '../api/types';
import { useApi } from '../api/use-api';
import { Button, Notice } from '../components/ui';
import { navigate } from '../lib/router';

export function StreamActions({ stream, onChanged }: { stream: StreamView; onChanged: (s: StreamView) => void }) {
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setNotice(null);
    try {
      await fn();
    } catch (err) {
      setNotice({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(null);
    }
  };
  const setStatus = (status: 'active' | 'paused') => run(status, async () => onChanged(await api.updateStream(stream.id, { status })));
  const test = () =>
    run('test', async () => {
      const r: TestAnswer = await api.sendTest(stream.id);
      const detail = [r.httpStatus ? `HTTP ${r.httpStatus}` : '', `${r.durationMs} ms`, r.message ?? ''].filter(Boolean).join(' · ');
      setNotice(
        r.ok
          ? { tone: 'success', text: `Test event delivered (${detail}).` }
          : { tone: 'warning', text: `Test event refused: ${r.result}${r.kind ? ` (${r.kind})` : ''} — ${detail}` },
      );
    });
  const remove = () =>
    run('delete', async () => {
      await api.deleteStream(stream.id);
      dialog.current?.close();
      navigate('/');
    });
  return (
    <div className="actions-wrap">
      <div className="actions" role="group" aria-label="Stream actions">
        {stream.status === 'active' ? (
          <Button busy={busy === 'paused'} onClick={() => void setStatus('paused')}>
            Pause
          </Button>
        ) : (
          <Button variant="primary" busy={busy === 'active'} onClick={() => void setStatus('active')}>
            {stream.status === 'suspended' ? 'Restart' : 'Resume'}
          </Button>
        )}
        <Button busy={busy === 'test'} onClick={() => void test()}>
          Send test event
        </Button>
        {stream.managedBy === 'api' ? (
          <Button variant="danger" onClick={() => dialog.current?.showModal()}>
            Delete
          </Button>
        ) : null}
      </div>
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      <dialog ref={dialog} className="dialog" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete “{stream.name}”?</h2>
        <p>The stream stops and its settings, delivery state and dead letters are removed. Events stay in the log for other streams. This cannot be undone.</p>
        <div className="form-actions">
          <Button variant="ghost" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy === 'delete'} onClick={() => void remove()}>
            Delete stream
          </Button>
        </div>
      </dialog>
    </div>
  );
}
