// Event category filters, grouped as in Auth0's dashboard; none selected means every event.
import type { StreamFilter } from '../api/types';
import { CATEGORY_GROUPS } from '../lib/categories';

export function FiltersPicker({ value, onChange, disabled }: { value: StreamFilter[]; onChange: (v: StreamFilter[]) => void; disabled?: boolean }) {
  const selected = new Set(value.filter((f) => f.type === 'category').map((f) => f.name));
  const others = value.filter((f) => f.type !== 'category');
  const set = (names: Set<string>) =>
    onChange([
      ...CATEGORY_GROUPS.flatMap((g) => g.items.filter((i) => names.has(i.name)).map((i) => ({ type: 'category' as const, name: i.name }))),
      ...others,
    ]);
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    set(next);
  };
  return (
    <div className="filters">
      <p className="field-help">
        {selected.size === 0
          ? 'No filter: every event is delivered.'
          : `${selected.size} categor${selected.size === 1 ? 'y' : 'ies'} selected: only those events are delivered.`}
        {others.length ? ` Also ${others.length} event type filter${others.length === 1 ? '' : 's'} (${others.map((o) => o.name).join(', ')}).` : ''}
      </p>
      <div className="filter-groups">
        {CATEGORY_GROUPS.map((g) => {
          const all = g.items.every((i) => selected.has(i.name));
          const some = g.items.some((i) => selected.has(i.name));
          return (
            <fieldset className="filter-group" key={g.label} disabled={disabled}>
              <legend>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={all}
                    ref={(el) => {
                      if (el) el.indeterminate = some && !all;
                    }}
                    onChange={(e) => {
                      const next = new Set(selected);
                      for (const i of g.items) e.target.checked ? next.add(i.name) : next.delete(i.name);
                      set(next);
                    }}
                  />
                  <span>{g.label}</span>
                </label>
              </legend>
              {g.items.map((i) => (
                <label className="check" key={i.name} title={i.name}>
                  <input type="checkbox" checked={selected.has(i.name)} onChange={(e) => toggle(i.name, e.target.checked)} />
                  <span>{i.label}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}
