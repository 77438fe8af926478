// Replay: move the stream's cursor back to a date so it delivers those events again.
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { Button, Card, Notice } from '../components/ui';
import { dateTime, toLocalInput } from '../lib/format';

export function ReplayPanel({ streamId, onDone }: { streamId: string; onDone: () => void }) {
  const api = useApi();
  const [from, setFrom] = useState(() => toLocalInput(Date.now() - 3600_000));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!from) return setResult({ tone: 'error', text: 'Pick a date.' });
    setBusy(true);
    try {
      const iso = new Date(from).toISOString();
      await api.replay(streamId, iso);
      setResult({ tone: 'success', text: `Replaying events recorded since ${dateTime(iso)}.` });
      onDone();
    } catch (err) {
      setResult({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Replay">
      <form className="inline-form" onSubmit={submit} aria-label="Replay from a date">
        <div className="field">
          <label className="field-label" htmlFor="replay-from">
            Deliver again every event recorded since
          </label>
          <input id="replay-from" type="datetime-local" value={from} max={toLocalInput(Date.now())} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <Button type="submit" busy={busy}>
          Replay
        </Button>
      </form>
      {result ? <Notice tone={result.tone}>{result.text}</Notice> : null}
    </Card>
  );
}
