// Which runner delivers a stream, from its health answer; shown in the stream page's header.
import { useLoad } from '../api/use-api';
import { Link } from '../lib/router';

export function StreamRunner({ streamId }: { streamId: string }) {
  const health = useLoad((api) => api.health(streamId, 1), [streamId], 5000);
  const runner = health.data?.runner;
  if (runner === undefined) return null;
  return (
    <span data-testid="stream-runner">
      {' · '}
      {runner === null ? (
        <span>No runner delivers it right now</span>
      ) : (
        <>
          Delivered by <Link to="/runners">{runner}</Link>
        </>
      )}
    </span>
  );
}
