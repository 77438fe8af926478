// The dashboard's static filter groups name exactly core's Auth0 categories, each once.
import { CATEGORIES, PII_FIELDS as CORE_PII_FIELDS } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { CATEGORY_GROUPS, PII_FIELDS } from '../src/lib/categories';

describe('filter categories', () => {
  it('cover every category of @outflow/core exactly once', () => {
    const names = CATEGORY_GROUPS.flatMap((g) => g.items.map((i) => i.name));
    expect([...names].sort()).toEqual([...CATEGORIES].sort());
  });
  it('offer the PII fields core accepts', () => {
    expect([...PII_FIELDS]).toEqual([...CORE_PII_FIELDS]);
  });
});
