// Dead letters: events the destination refused for good, with the reason; redrive all or some.
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { useApi, useLoad } from '../api/use-api';
import { Button, Card, Empty, ErrorNote, Loading, Notice } from '../components/ui';
import { dateTime } from '../lib/format';

export function DeadLettersTab({ streamId, canUpdate }: { streamId: string; canUpdate: boolean }) {
  const api = useApi();
  const letters = useLoad((a) => a.deadLetters(streamId), [streamId], 5000);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const redrive = async (ids?: number[]) => {
    setBusy(true);
    try {
      const r = await api.redrive(streamId, ids);
      setNotice({
        tone: 'success',
        text: `Redriving ${r.redriving} event${r.redriving === 1 ? '' : 's'}: each leaves this list once the destination accepts it.`,
      });
      setPicked(new Set());
      letters.reload();
    } catch (err) {
      setNotice({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(false);
    }
  };
  const list = letters.data;
  return (
    <Card
      title="Dead letters"
      className="table-card"
      actions={
        canUpdate && list && list.length > 0 ? (
          <>
            <Button disabled={picked.size === 0} busy={busy} onClick={() => void redrive([...picked])}>
              Redrive selected ({picked.size})
            </Button>
            <Button variant="primary" busy={busy} onClick={() => void redrive()}>
              Redrive all
            </Button>
          </>
        ) : null
      }
    >
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {letters.error && !list ? <ErrorNote error={letters.error} onRetry={letters.reload} /> : null}
      {!list && !letters.error ? <Loading /> : null}
      {list && list.length === 0 ? (
        <Empty title="No dead letters">Events the destination refuses for good (for example 400 Bad Request) are kept here.</Empty>
      ) : null}
      {list && list.length > 0 ? (
        <table className="table" aria-label="Dead letters">
          <thead>
            <tr>
              {canUpdate ? (
                <th scope="col" className="narrow">
                  <span className="sr-only">Select</span>
                </th>
              ) : null}
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Error</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {list.map((l) => (
              <tr key={l.id}>
                {canUpdate ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select dead letter ${l.log_id}`}
                      checked={picked.has(l.id)}
                      onChange={(e) => {
                        const next = new Set(picked);
                        if (e.target.checked) next.add(l.id);
                        else next.delete(l.id);
                        setPicked(next);
                      }}
                    />
                  </td>
                ) : null}
                <td className="nowrap">{dateTime(l.at)}</td>
                <td>
                  <details>
                    <summary>
                      <code>{l.type}</code> {l.log_id}
                    </summary>
                    <pre className="code small">{JSON.stringify(l.event, null, 2)}</pre>
                  </details>
                </td>
                <td className="nowrap">
                  {l.errorKind}
                  {l.status ? ` · ${l.status}` : ''}
                </td>
                <td className="message">{l.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}
