// The settings tab: view and update name, destination (secrets masked, replaceable), filters and PII.
import { useMemo, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import type { ConnectorInfo, PiiConfig, StreamFilter, StreamView } from '../api/types';
import { useApi } from '../api/use-api';
import { FiltersPicker } from '../components/filters-picker';
import { PiiSettings } from '../components/pii-settings';
import { SchemaForm } from '../components/schema-form';
import { Button, Card, Notice } from '../components/ui';
import { fieldsOf, issuesByField, sinkFromValues, valuesFromSink, type FormValues } from '../lib/schema-fields';

export function SettingsTab({
  stream,
  connector,
  canUpdate,
  onSaved,
}: {
  stream: StreamView;
  connector: ConnectorInfo | undefined;
  canUpdate: boolean;
  onSaved: (s: StreamView) => void;
}) {
  const api = useApi();
  const fields = useMemo(() => (connector ? fieldsOf(connector.schema) : []), [connector]);
  const [name, setName] = useState(stream.name);
  const [values, setValues] = useState<FormValues>(() => valuesFromSink(fields, stream.sink));
  const [filters, setFilters] = useState<StreamFilter[]>(stream.filters);
  const [pii, setPii] = useState<PiiConfig | undefined>(stream.pii_config);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !canUpdate || stream.managedBy === 'config';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = sinkFromValues(fields, values);
    if (!name.trim()) built.errors.name = 'Required.';
    setErrors(built.errors);
    if (Object.keys(built.errors).length) return setNotice({ tone: 'error', text: 'Some fields need attention.' });
    // Fields that were set and are now empty are removed (null); untouched secrets stay masked and keep their value.
    const sink: Record<string, unknown> = { ...built.sink };
    for (const key of Object.keys(stream.sink)) if (!(key in sink) && fields.some((f) => f.key === key)) sink[key] = null;
    setBusy(true);
    setNotice(null);
    try {
      const saved = await api.updateStream(stream.id, { name: name.trim(), sink, filters, pii_config: pii ?? null });
      setValues(valuesFromSink(fields, saved.sink));
      setNotice({ tone: 'success', text: 'Settings saved.' });
      onSaved(saved);
    } catch (err) {
      const a = err as ApiError;
      setErrors(issuesByField(a.issues));
      setNotice({ tone: 'error', text: a.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Stream settings">
      {stream.managedBy === 'config' ? (
        <Notice tone="info">This stream is defined in the config file; change it there. Its status can still be changed here.</Notice>
      ) : null}
      {!canUpdate && stream.managedBy !== 'config' ? <Notice tone="info">Your token cannot update log streams (needs update:log_streams).</Notice> : null}
      <Card title="Destination">
        <div className={`field ${errors.name ? 'field-invalid' : ''}`}>
          <label className="field-label" htmlFor="settings-name">
            Name
          </label>
          <input id="settings-name" value={name} disabled={readOnly} onChange={(e) => setName(e.target.value)} aria-invalid={errors.name ? true : undefined} />
          {errors.name ? <span className="field-error">{errors.name}</span> : null}
        </div>
        {connector ? (
          <SchemaForm
            idPrefix="settings"
            fields={fields}
            values={values}
            errors={errors}
            disabled={readOnly}
            onChange={(k, v) => {
              setValues((cur) => ({ ...cur, [k]: v }));
              setErrors(({ [k]: _, ...rest }) => rest);
            }}
          />
        ) : (
          <pre className="code">{JSON.stringify(stream.sink, null, 2)}</pre>
        )}
      </Card>
      <Card title="Filter by event category">
        <FiltersPicker value={filters} onChange={setFilters} disabled={readOnly} />
      </Card>
      <Card title="PII settings">
        <PiiSettings value={pii} onChange={setPii} disabled={readOnly} needsUnmasked={connector?.needsUnmasked} />
      </Card>
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {readOnly ? null : (
        <div className="form-actions">
          <Button variant="primary" type="submit" busy={busy}>
            Save changes
          </Button>
        </div>
      )}
    </form>
  );
}
