// `outflow streams health|stats|replay|dead-letters|redrive|test|preview`: Outflow's operations beyond Auth0.
import { readFileSync } from 'node:fs';
import { STATS_MINUTES } from '../server/stats-window.js';
import { intFlag, list, noPositionals, str, streamId } from './args.js';
import { CliError } from './cli-errors.js';
import { healthReport } from './health-format.js';
import { deadLettersTable, previewReport, testReport } from './ops-format.js';
import { statsReport } from './stats-format.js';
import { DEFINITION_OPTIONS, buildDefinition, parseWhen } from './stream-input.js';
import type { DeadLetterView, PreviewAnswer, RedriveAnswer, ReplayAnswer, StreamHealthView, StreamStatsView, StreamsCommand, TestAnswer } from './types.js';

const path = (id: string, op: string) => `/api/v2/log-streams/${encodeURIComponent(id)}/${op}`;

const query = (params: Record<string, number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

function readEvents(file: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`Cannot read events from ${file}: ${(err as Error).message}`);
  }
  if (!Array.isArray(value)) throw new CliError(`${file} must hold a JSON list of events.`);
  return value;
}

export const opsCommands: Record<string, StreamsCommand> = {
  health: {
    options: { limit: { type: 'string' }, before: { type: 'string' } },
    async run(p, ctx) {
      const id = streamId(p, 'health');
      const { body } = await ctx
        .api()
        .request<StreamHealthView>('GET', `${path(id, 'health')}${query({ limit: intFlag(p, 'limit'), before: intFlag(p, 'before') })}`);
      ctx.show(body, () => healthReport(body, ctx.io.color));
      return 0;
    },
  },

  stats: {
    options: { minutes: { type: 'string' } },
    async run(p, ctx) {
      const id = streamId(p, 'stats');
      const minutes = intFlag(p, 'minutes', STATS_MINUTES) ?? STATS_MINUTES.default;
      const { body } = await ctx.api().request<StreamStatsView>('GET', `${path(id, 'stats')}${query({ minutes })}`);
      ctx.show(body, () => statsReport(body, ctx.io.color));
      return 0;
    },
  },

  replay: {
    options: { from: { type: 'string' } },
    async run(p, ctx) {
      const id = streamId(p, 'replay');
      const from = str(p, 'from');
      if (from === undefined) throw new CliError('Missing --from (an ISO date or a duration ago, e.g. 2h); see "outflow streams replay --help".', 2);
      const { body } = await ctx.api().request<ReplayAnswer>('POST', path(id, 'replay'), { from: parseWhen(from, 'from') });
      ctx.show(body, () => `Replaying log stream ${body.id} from ${body.from}: its cursor is now ${body.cursor}.`);
      return 0;
    },
  },

  'dead-letters': {
    options: { limit: { type: 'string' }, after: { type: 'string' } },
    async run(p, ctx) {
      const id = streamId(p, 'dead-letters');
      const { body } = await ctx
        .api()
        .request<DeadLetterView[]>('GET', `${path(id, 'dead-letters')}${query({ limit: intFlag(p, 'limit'), after: intFlag(p, 'after') })}`);
      ctx.show(body, () => deadLettersTable(body, ctx.io.color));
      return 0;
    },
  },

  redrive: {
    options: { ids: { type: 'string', multiple: true } },
    async run(p, ctx) {
      const id = streamId(p, 'redrive');
      const raw = list(p, 'ids')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      const bad = raw.find((v) => !/^\d+$/.test(v));
      if (bad !== undefined) throw new CliError(`--ids must be dead letter ids (numbers), got "${bad}".`, 2);
      const { body } = await ctx.api().request<RedriveAnswer>('POST', path(id, 'dead-letters/redrive'), raw.length ? { ids: raw.map(Number) } : {});
      ctx.show(
        body,
        () =>
          `Redriving ${body.redriving} dead letter(s) of ${id}: the stream's worker delivers them in its next rounds. Check with "outflow streams dead-letters ${id}".`,
      );
      return 0;
    },
  },

  test: {
    options: {},
    async run(p, ctx) {
      const { body } = await ctx.api().request<TestAnswer>('POST', path(streamId(p, 'test'), 'test'), {});
      ctx.show(body, () => testReport(body, ctx.io.color));
      return body.ok ? 0 : 1;
    },
  },

  preview: {
    options: { ...DEFINITION_OPTIONS, type: { type: 'string' }, count: { type: 'string' }, events: { type: 'string' } },
    async run(p, ctx) {
      noPositionals(p, 'preview');
      const def = buildDefinition(p, { type: str(p, 'type') });
      if (typeof def.type !== 'string') throw new CliError('Missing --type (the connector type, e.g. http); see "outflow streams preview --help".', 2);
      const body: Record<string, unknown> = { type: def.type, sink: def.sink ?? {} };
      if (def.filters !== undefined) body.filters = def.filters;
      if (def.pii_config !== undefined) body.pii_config = def.pii_config;
      const count = intFlag(p, 'count');
      if (count !== undefined) body.count = count;
      const events = str(p, 'events');
      if (events !== undefined) body.events = readEvents(events);
      const { body: answer } = await ctx.api().request<PreviewAnswer>('POST', '/api/v2/log-streams/preview', body);
      ctx.show(answer, () => previewReport(answer, ctx.io.color));
      return 0;
    },
  },
};
