// A form generated from a connector's config schema: labels, help, defaults, secrets, field errors.
import { REDACTED_MASK } from '../lib/mask';
import type { FieldSpec, FormValues } from '../lib/schema-fields';
import { Button, HelpText } from './ui';

interface Props {
  idPrefix: string;
  fields: FieldSpec[];
  values: FormValues;
  errors: Record<string, string>;
  onChange: (key: string, value: unknown) => void;
  disabled?: boolean;
}

function RowsInput({
  field,
  rows,
  onChange,
  id,
  disabled,
}: {
  field: FieldSpec;
  rows: Array<Record<string, string>>;
  onChange: (rows: Array<Record<string, string>>) => void;
  id: string;
  disabled?: boolean | undefined;
}) {
  const cols = field.rowFields ?? [];
  const blank = () => Object.fromEntries(cols.map((c) => [c.key, '']));
  return (
    <div className="rows" id={id}>
      {rows.map((row, i) => (
        <div className="rows-row" key={i}>
          {cols.map((c) => (
            <input
              key={c.key}
              aria-label={`${field.label} ${i + 1} ${c.label}`}
              placeholder={c.label}
              value={row[c.key] ?? ''}
              disabled={disabled}
              onChange={(e) => onChange(rows.map((r, j) => (j === i ? { ...r, [c.key]: e.target.value } : r)))}
            />
          ))}
          <Button variant="ghost" aria-label={`Remove ${field.label} ${i + 1}`} disabled={disabled} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <Button variant="secondary" disabled={disabled} onClick={() => onChange([...rows, blank()])}>
        + Add
      </Button>
    </div>
  );
}

export function SchemaForm({ idPrefix, fields, values, errors, onChange, disabled }: Props) {
  return (
    <div className="form-grid">
      {fields.map((f) => {
        const id = `${idPrefix}-${f.key}`;
        const error = errors[f.key];
        const describedBy = [error ? `${id}-error` : '', f.help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
        const common = {
          id,
          name: f.key,
          disabled,
          'aria-required': f.required || undefined,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
        } as const;
        const v = values[f.key];
        let input;
        if (f.kind === 'select') {
          input = (
            <select {...common} value={String(v ?? '')} onChange={(e) => onChange(f.key, e.target.value)}>
              {f.required || f.defaultValue !== undefined ? null : <option value="">—</option>}
              {f.options?.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          );
        } else if (f.kind === 'boolean') {
          input = (
            <label className="check">
              <input type="checkbox" {...common} checked={v === true} onChange={(e) => onChange(f.key, e.target.checked)} />
              <span>Enabled</span>
            </label>
          );
        } else if (f.kind === 'rows') {
          input = (
            <RowsInput field={f} id={id} rows={(v as Array<Record<string, string>>) ?? []} disabled={disabled} onChange={(rows) => onChange(f.key, rows)} />
          );
        } else if (f.kind === 'password') {
          const masked = v === REDACTED_MASK;
          input = (
            <div className="secret-input">
              <input
                type="password"
                autoComplete="new-password"
                {...common}
                value={masked ? '' : String(v ?? '')}
                placeholder={masked ? '•••••••• (stored; type to replace)' : ''}
                onChange={(e) => onChange(f.key, e.target.value === '' && masked ? REDACTED_MASK : e.target.value)}
              />
              {masked ? <span className="tag">Set</span> : null}
            </div>
          );
        } else {
          input = (
            <input
              type={f.kind === 'number' ? 'number' : f.kind === 'url' ? 'url' : 'text'}
              {...common}
              value={String(v ?? '')}
              min={f.min}
              max={f.max}
              placeholder={f.defaultValue !== undefined && f.kind !== 'number' ? String(f.defaultValue) : undefined}
              onChange={(e) => onChange(f.key, e.target.value)}
            />
          );
        }
        return (
          <div className={`field ${error ? 'field-invalid' : ''}`} key={f.key} data-field={f.key}>
            <label className="field-label" htmlFor={f.kind === 'boolean' ? undefined : id}>
              {f.label}
              {f.required ? (
                <span className="req" aria-hidden>
                  {' '}
                  *
                </span>
              ) : null}
              {f.kind === 'password' ? <span className="tag tag-secret">secret</span> : null}
            </label>
            {input}
            {error ? (
              <span className="field-error" id={`${id}-error`} role="alert">
                {error}
              </span>
            ) : null}
            {f.help ? (
              <span className="field-help" id={`${id}-help`}>
                <HelpText text={f.help} />
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
