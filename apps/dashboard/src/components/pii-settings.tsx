// PII settings (Auth0's pii_config): which data classes to obfuscate, and mask or hash.
import type { PiiConfig } from '../api/types';
import { PII_FIELDS } from '../lib/categories';

const LABELS: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  username: 'Username',
  email: 'Email',
  phone: 'Phone',
  address: 'Address',
};

export function PiiSettings({
  value,
  onChange,
  disabled,
  needsUnmasked,
}: {
  value: PiiConfig | undefined;
  onChange: (v: PiiConfig | undefined) => void;
  disabled?: boolean;
  /** The destination's fields that must stay readable: selecting one shows a warning. */
  needsUnmasked?: { fields: string[]; reason: string } | undefined;
}) {
  const fields = new Set(value?.log_fields ?? []);
  const clashing = needsUnmasked?.fields.filter((f) => fields.has(f)) ?? [];
  const method = value?.method ?? 'mask';
  const update = (next: Set<string>, m = method) =>
    onChange(next.size ? { log_fields: PII_FIELDS.filter((f) => next.has(f)), method: m, algorithm: 'xxhash' } : undefined);
  return (
    <fieldset className="pii" disabled={disabled}>
      <legend className="sr-only">PII settings</legend>
      <p className="field-help">Personal data in the selected fields is obfuscated before it leaves Outflow.</p>
      <div className="pii-fields">
        {PII_FIELDS.map((f) => (
          <label className="check" key={f}>
            <input
              type="checkbox"
              checked={fields.has(f)}
              onChange={(e) => {
                const next = new Set(fields);
                if (e.target.checked) next.add(f);
                else next.delete(f);
                update(next);
              }}
            />
            <span>{LABELS[f]}</span>
          </label>
        ))}
      </div>
      {clashing.length ? (
        <p className="notice notice-warning pii-warning" role="alert">
          {`This destination needs ${clashing.map((f) => LABELS[f] ?? f).join(' and ')} unmasked: ${needsUnmasked?.reason}`}
        </p>
      ) : null}
      <div className="segmented" role="radiogroup" aria-label="PII method">
        {(['mask', 'hash'] as const).map((m) => (
          <label key={m} className={`segment ${method === m ? 'on' : ''}`}>
            <input type="radio" name="pii-method" value={m} checked={method === m} disabled={fields.size === 0} onChange={() => update(fields, m)} />
            {m === 'mask' ? 'Mask (****)' : 'Hash (xxhash)'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
