// The CLI's own parsing and rendering: --sink pairs, --filter, dates, stream files, tables with and without colour.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/cli/args.js';
import { CliError } from '../src/cli/cli-errors.js';
import { DEFINITION_OPTIONS, buildDefinition, parseFilters, parseSinkPair, parseWhen } from '../src/cli/stream-input.js';
import { renderTable } from '../src/cli/table.js';

const definition = (...argv: string[]) => buildDefinition(parseCommand(argv, DEFINITION_OPTIONS, 'create'));

describe('stream flags', () => {
  it('reads key=value as text, key:=JSON as typed values, and dotted keys as nested objects', () => {
    expect(parseSinkPair('splunkPort=8088')).toEqual([['splunkPort'], '8088']);
    expect(parseSinkPair('splunkPort:=8088')).toEqual([['splunkPort'], 8088]);
    expect(parseSinkPair('httpCustomHeaders:=[{"header":"x","value":"a=b"}]')).toEqual([['httpCustomHeaders'], [{ header: 'x', value: 'a=b' }]]);
    expect(parseSinkPair('httpAuthorization=Basic a==')).toEqual([['httpAuthorization'], 'Basic a==']);
    expect(definition('--sink', 'a.b=1', '--sink', 'a.c:=true', '--sink', 'gone:=null').sink).toEqual({ a: { b: '1', c: true }, gone: null });
    expect(() => parseSinkPair('=x')).toThrow(CliError);
    expect(() => parseSinkPair('a..b=x')).toThrow(/empty key/);
  });

  it('applies --sink-json, then --sink pairs, over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outflow-cli-'));
    const file = join(dir, 'stream.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'file',
        type: 'http',
        sink: { httpEndpoint: 'https://a.example.com', httpContentFormat: 'JSONARRAY' },
        filters: [{ type: 'type', name: 's' }],
      }),
    );
    const body = definition(
      '--file',
      file,
      '--sink-json',
      '{"httpContentFormat":"JSONOBJECT","httpAuthorization":"x"}',
      '--sink',
      'httpAuthorization=y',
      '--name',
      'flag',
    );
    expect(body).toEqual({
      name: 'flag',
      type: 'http',
      sink: { httpEndpoint: 'https://a.example.com', httpContentFormat: 'JSONOBJECT', httpAuthorization: 'y' },
      filters: [{ type: 'type', name: 's' }],
    });
    expect(definition('--file', file, '--clear-filters').filters).toEqual([]);
    writeFileSync(file, '- a list\n');
    expect(() => definition('--file', file)).toThrow(/must hold one object/);
    expect(() => definition('--file', join(dir, 'missing.yaml'))).toThrow(/Cannot read .*missing\.yaml: ENOENT/);
  });

  it('parses filters, and refuses ones without a kind', () => {
    expect(parseFilters(['category:auth.login.fail, type:fp', 'type:s'])).toEqual([
      { type: 'category', name: 'auth.login.fail' },
      { type: 'type', name: 'fp' },
      { type: 'type', name: 's' },
    ]);
    expect(() => parseFilters(['fp'])).toThrow(/must be category:<name>/);
    // A name without a prefix keeps the kind before it, as the help says.
    expect(parseFilters(['type:fp,sapi', 'category:auth.login.fail,type:s,f'])).toEqual([
      { type: 'type', name: 'fp' },
      { type: 'type', name: 'sapi' },
      { type: 'category', name: 'auth.login.fail' },
      { type: 'type', name: 's' },
      { type: 'type', name: 'f' },
    ]);
    expect(() => parseFilters(['type:fp,other:x'])).toThrow(/--filter "other:x" must be/);
  });

  it('reads dates as ISO 8601 or as a duration ago', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(parseWhen('2h', 'from', now)).toBe('2026-12-01T10:00:00.000Z');
    expect(parseWhen('1h30m', 'from', now)).toBe('2026-12-01T10:30:00.000Z');
    expect(parseWhen('2026-11-30T08:00:00+01:00', 'from', now)).toBe('2026-11-30T07:00:00.000Z');
    expect(() => parseWhen('soon', 'from', now)).toThrow(/--from "soon" is not a date/);
  });
});

describe('tables', () => {
  const rows = [
    { id: 'lst_1', status: 'active', message: 'ok' },
    { id: 'lst_22', status: 'suspended', message: 'x'.repeat(50) },
  ];
  const columns = [
    { header: 'ID', value: (r: (typeof rows)[number]) => r.id },
    { header: 'STATUS', value: (r: (typeof rows)[number]) => r.status, paint: (t: string) => `\x1b[31m${t}\x1b[0m` },
    { header: 'MESSAGE', value: (r: (typeof rows)[number]) => r.message, max: 10 },
  ];

  it('aligns columns, cuts long cells and has no colour when not a terminal', () => {
    expect(renderTable(rows, columns)).toBe(
      ['ID      STATUS     MESSAGE', 'lst_1   \x1b[31mactive\x1b[0m     ok', 'lst_22  \x1b[31msuspended\x1b[0m  xxxxxxxxx…'].join('\n'),
    );
  });

  it('keeps the same alignment with colour on', () => {
    const plain = renderTable(
      rows,
      columns.map(({ paint: _p, ...c }) => c),
      false,
    );
    const coloured = renderTable(rows, columns, true);
    expect(plain).not.toMatch(/\x1b/);
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
  });
});
