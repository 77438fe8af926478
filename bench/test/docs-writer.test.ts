// The benchmarks page keeps its hand-written notes block when a full run rewrites it.
import { describe, expect, it } from 'vitest';
import { keptNotes } from '../src/docs-writer.js';

describe('keptNotes', () => {
  it('returns the notes block with its markers, or nothing without one', () => {
    const block = '<!-- notes: kept when this file is rewritten -->\n## Changes\n| a | b |\n<!-- /notes -->';
    expect(keptNotes(`# Benchmarks\n\ntable\n${block}\n## Running it\n`)).toBe(`\n${block}\n`);
    expect(keptNotes('# Benchmarks\n\ntable\n')).toBe('');
    expect(keptNotes('<!-- notes: kept when this file is rewritten -->\nno end')).toBe('');
  });
});
