// "Test connection": the connector's healthcheck for the sink being created, before it is saved.
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { Button, Notice } from './ui';

type Result = { tone: 'success' | 'warning' | 'error'; text: string };

export function ConnectionTest({ type, sink, disabled }: { type: string; sink: Record<string, unknown>; disabled: boolean }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      const r = await api.probeSink({ type, sink });
      const detail = [r.error?.status ? `HTTP ${r.error.status}` : '', `${r.durationMs} ms`].filter(Boolean).join(' · ');
      setResult(
        r.ok
          ? { tone: 'success', text: `Connection OK (${detail}).` }
          : { tone: 'warning', text: `Connection failed: ${r.error?.kind ?? 'error'} (${detail}) — ${r.error?.message ?? ''}` },
      );
    } catch (err) {
      setResult({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="connection-test" data-testid="connection-test">
      <Button busy={busy} disabled={disabled || busy} onClick={() => void test()} title={disabled ? 'Fill in the required fields first.' : undefined}>
        Test connection
      </Button>
      {result ? <Notice tone={result.tone}>{result.text}</Notice> : null}
    </div>
  );
}
