// Create a log stream: pick a service, fill the generated form, test the connection, filters, PII, start point; live preview.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import type { ConnectorInfo, PiiConfig, StreamFilter } from '../api/types';
import { useApi, useLoad } from '../api/use-api';
import { ConnectionTest } from '../components/connection-test';
import { FiltersPicker } from '../components/filters-picker';
import { PayloadPreview } from '../components/payload-preview';
import { PiiSettings } from '../components/pii-settings';
import { SchemaForm } from '../components/schema-form';
import { ServiceLogo } from '../components/service-logo';
import { Button, Card, ErrorNote, HelpText, Loading, Notice } from '../components/ui';
import { toLocalInput } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { fieldsOf, initialValues, issuesByField, sinkFromValues, type FormValues } from '../lib/schema-fields';

function ServicePicker({ connectors, onPick }: { connectors: ConnectorInfo[]; onPick: (c: ConnectorInfo) => void }) {
  return (
    <div className="service-grid" role="list" aria-label="Services">
      {connectors.map((c) => (
        <button type="button" role="listitem" className="service-card" key={c.type} onClick={() => onPick(c)} data-type={c.type}>
          <ServiceLogo type={c.type} size={40} />
          <span className="service-card-text">
            <strong>{c.displayName}</strong>
            <span className="muted">
              <HelpText text={c.description ?? c.type} />
            </span>
          </span>
        </button>
      ))}
    </div>
  );
}

function StreamForm({ connector, onBack }: { connector: ConnectorInfo; onBack: () => void }) {
  const api = useApi();
  const fields = useMemo(() => fieldsOf(connector.schema), [connector]);
  const [name, setName] = useState('');
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [filters, setFilters] = useState<StreamFilter[]>([]);
  const [pii, setPii] = useState<PiiConfig | undefined>(undefined);
  const [startMode, setStartMode] = useState<'now' | 'date'>('now');
  const [startFrom, setStartFrom] = useState(() => toLocalInput(Date.now() - 3600_000));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Bumped after a refused submit: the first field marked invalid then gets the focus, scrolled into view.
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!refused) return;
    const bad = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!bad) return;
    bad.focus({ preventScroll: true });
    bad.scrollIntoView({ block: 'center' });
  }, [refused]);

  const { sink, errors: missing } = sinkFromValues(fields, values);
  const missingLabels = fields.filter((f) => missing[f.key]).map((f) => f.label);
  const previewRequest = missingLabels.length
    ? null
    : { type: connector.type, sink, ...(filters.length ? { filters } : {}), ...(pii ? { pii_config: pii } : {}), count: 3 };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = sinkFromValues(fields, values);
    const local: Record<string, string> = { ...built.errors };
    if (!name.trim()) local.name = 'Required.';
    if (startMode === 'date' && !startFrom) local.startFrom = 'Pick a date.';
    setErrors(local);
    if (Object.keys(local).length) {
      setFormError(null);
      setRefused((n) => n + 1);
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const created = await api.createStream({
        name: name.trim(),
        type: connector.type,
        sink: built.sink,
        ...(filters.length ? { filters } : {}),
        ...(pii ? { pii_config: pii } : {}),
        ...(startMode === 'date' ? { startFrom: new Date(startFrom).toISOString() } : {}),
      });
      navigate(`/streams/${encodeURIComponent(created.id)}`);
    } catch (err) {
      const a = err as ApiError;
      const byField = issuesByField(a.issues);
      if (/startFrom/.test(a.message)) byField.startFrom = 'Must be within the retention period.';
      if (a.errorCode === 'log_stream_conflict') byField.name = a.message;
      setErrors(byField);
      // Field errors are shown on their fields, the first one focused; other errors get the notice.
      const onFields = Object.keys(byField).filter((k) => k === 'name' || k === 'startFrom' || fields.some((f) => f.key === k));
      setFormError(onFields.length > 0 && onFields.length === Object.keys(byField).length ? null : a.message);
      setRefused((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="create-layout" onSubmit={submit} noValidate aria-label={`New ${connector.displayName} stream`}>
      <div className="create-main">
        <Card
          title={
            <span className="service">
              <ServiceLogo type={connector.type} size={28} /> {connector.displayName}
            </span>
          }
          actions={
            <Button variant="ghost" onClick={onBack}>
              Change service
            </Button>
          }
        >
          {connector.description ? (
            <p className="muted intro">
              <HelpText text={connector.description} />
            </p>
          ) : null}
          <div className={`field ${errors.name ? 'field-invalid' : ''}`}>
            <label className="field-label" htmlFor="stream-name">
              Name
              <span className="req" aria-hidden>
                {' '}
                *
              </span>
            </label>
            <input
              id="stream-name"
              aria-required
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setErrors(({ name: _, ...rest }) => rest);
              }}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'stream-name-error' : undefined}
              autoFocus
            />
            {errors.name ? (
              <span className="field-error" id="stream-name-error" role="alert">
                {errors.name}
              </span>
            ) : null}
          </div>
          <SchemaForm
            idPrefix="sink"
            fields={fields}
            values={values}
            errors={errors}
            onChange={(k, v) => {
              setValues((cur) => ({ ...cur, [k]: v }));
              setErrors(({ [k]: _, ...rest }) => rest);
              setFormError(null);
            }}
          />
          <ConnectionTest type={connector.type} sink={sink} disabled={missingLabels.length > 0} />
        </Card>
        <Card title="Filter by event category">
          <FiltersPicker value={filters} onChange={setFilters} />
        </Card>
        <Card title="PII settings">
          <PiiSettings value={pii} onChange={setPii} needsUnmasked={connector.needsUnmasked} />
        </Card>
        <Card title="Starting point">
          <div className="segmented" role="radiogroup" aria-label="Starting point">
            <label className={`segment ${startMode === 'now' ? 'on' : ''}`}>
              <input type="radio" name="start" checked={startMode === 'now'} onChange={() => setStartMode('now')} /> New events only
            </label>
            <label className={`segment ${startMode === 'date' ? 'on' : ''}`}>
              <input type="radio" name="start" checked={startMode === 'date'} onChange={() => setStartMode('date')} /> From a date
            </label>
          </div>
          {startMode === 'date' ? (
            <div className={`field ${errors.startFrom ? 'field-invalid' : ''}`}>
              <label className="field-label" htmlFor="start-from">
                Deliver events recorded since
              </label>
              <input
                id="start-from"
                type="datetime-local"
                value={startFrom}
                max={toLocalInput(Date.now())}
                onChange={(e) => setStartFrom(e.target.value)}
                aria-invalid={errors.startFrom ? true : undefined}
              />
              {errors.startFrom ? (
                <span className="field-error">{errors.startFrom}</span>
              ) : (
                <span className="field-help">Must be within the retention period of the server (30 days unless configured).</span>
              )}
            </div>
          ) : null}
        </Card>
        {formError ? <Notice tone="error">{formError}</Notice> : null}
        <div className="form-actions">
          <Link to="/" className="btn btn-ghost">
            Cancel
          </Link>
          <Button variant="primary" type="submit" busy={busy}>
            Create stream
          </Button>
        </div>
      </div>
      <aside className="create-side" aria-label="Payload preview">
        <Card title="Payload preview">
          <PayloadPreview request={previewRequest} waiting={`Fill in ${missingLabels.join(', ')} to see the requests for sample events.`} />
        </Card>
      </aside>
    </form>
  );
}

export function CreateStreamPage() {
  const connectors = useLoad((api) => api.connectors(), []);
  const [picked, setPicked] = useState<ConnectorInfo | null>(null);
  return (
    <div className="page page-wide">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/">Log streams</Link> <span aria-hidden>/</span> <span>New</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Create log stream</h1>
          <p className="muted">{picked ? 'Configure where and what to deliver.' : 'Pick the service that receives your events.'}</p>
        </div>
      </div>
      {connectors.error ? <ErrorNote error={connectors.error} onRetry={connectors.reload} /> : null}
      {!connectors.data && !connectors.error ? <Loading label="Loading services…" /> : null}
      {connectors.data && !picked ? <ServicePicker connectors={connectors.data} onPick={setPicked} /> : null}
      {picked ? <StreamForm key={picked.type} connector={picked} onBack={() => setPicked(null)} /> : null}
    </div>
  );
}
