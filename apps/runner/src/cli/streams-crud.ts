// `outflow streams list|get|create|update|pause|resume|delete`: the Auth0-shaped CRUD of log streams.
import { REDACTED } from '@outflow/core';
import { flag, noPositionals, str, streamId, type Parsed } from './args.js';
import { CliError } from './cli-errors.js';
import { streamDetails, streamsTable } from './stream-format.js';
import { fetchOverview } from './stream-overview.js';
import { DEFINITION_OPTIONS, buildDefinition, maskedPaths, parseWhen } from './stream-input.js';
import type { CommandContext, StreamView, StreamsCommand } from './types.js';

const path = (id: string) => `/api/v2/log-streams/${encodeURIComponent(id)}`;

async function setStatus(p: Parsed, ctx: CommandContext, command: string, status: 'active' | 'paused'): Promise<number> {
  const id = streamId(p, command);
  const { body } = await ctx.api().request<StreamView>('PATCH', path(id), { status });
  ctx.show(body, () => `Log stream ${body.id} ("${body.name}") is now ${body.status}.`);
  return 0;
}

export const crudCommands: Record<string, StreamsCommand> = {
  list: {
    options: {},
    async run(p, ctx) {
      noPositionals(p, 'list');
      const { body } = await ctx.api().request<StreamView[]>('GET', '/api/v2/log-streams');
      // --json prints the API's list as is; the table adds each stream's lag and last delivery.
      const rows = ctx.json ? [] : await fetchOverview(ctx.api(), body);
      ctx.show(body, () => streamsTable(rows, ctx.io.color));
      return 0;
    },
  },

  get: {
    options: {},
    async run(p, ctx) {
      const { body } = await ctx.api().request<StreamView>('GET', path(streamId(p, 'get')));
      ctx.show(body, () => streamDetails(body, ctx.io.color));
      return 0;
    },
  },

  create: {
    options: { ...DEFINITION_OPTIONS, type: { type: 'string' }, 'start-from': { type: 'string' }, priority: { type: 'boolean' } },
    async run(p, ctx) {
      noPositionals(p, 'create');
      const startFrom = str(p, 'start-from');
      const body = buildDefinition(p, {
        type: str(p, 'type'),
        startFrom: startFrom === undefined ? undefined : parseWhen(startFrom, 'start-from'),
        isPriority: flag(p, 'priority'),
      });
      if (typeof body.type !== 'string') throw new CliError('Missing --type (the connector type, e.g. http); see "outflow streams create --help".', 2);
      if (body.sink === undefined) body.sink = {};
      delete body.status;
      const masked = maskedPaths(body.sink, REDACTED);
      if (masked.length)
        throw new CliError(
          `${masked.join(', ')} ${masked.length > 1 ? 'are' : 'is'} masked (${REDACTED}), as the API shows secrets; give the real value, e.g. --sink ${masked[0]?.replace(/^sink\./, '')}=….`,
          2,
        );
      const { body: created } = await ctx.api().request<StreamView>('POST', '/api/v2/log-streams', body);
      ctx.show(created, () => `Created log stream ${created.id}.\n${streamDetails(created, ctx.io.color)}`);
      return 0;
    },
  },

  update: {
    options: { ...DEFINITION_OPTIONS },
    async run(p, ctx) {
      const id = streamId(p, 'update');
      const patch = buildDefinition(p);
      if (!Object.keys(patch).length) throw new CliError('Nothing to update: give --name, --sink, --sink-json, --filter, --clear-filters or --file.', 2);
      const { body } = await ctx.api().request<StreamView>('PATCH', path(id), patch);
      ctx.show(body, () => `Updated log stream ${body.id}.\n${streamDetails(body, ctx.io.color)}`);
      return 0;
    },
  },

  pause: { options: {}, run: (p, ctx) => setStatus(p, ctx, 'pause', 'paused') },
  resume: { options: {}, run: (p, ctx) => setStatus(p, ctx, 'resume', 'active') },

  delete: {
    options: { yes: { type: 'boolean', short: 'y' } },
    async run(p, ctx) {
      const id = streamId(p, 'delete');
      if (!flag(p, 'yes')) {
        if (!ctx.io.confirm) throw new CliError(`Not deleting ${id} without confirmation: add --yes.`, 2);
        const { body: s } = await ctx.api().request<StreamView>('GET', path(id));
        if (!(await ctx.io.confirm(`Delete log stream ${s.id} ("${s.name}", ${s.type})? [y/N] `))) {
          ctx.io.err('Not deleted.');
          return 1;
        }
      }
      await ctx.api().request('DELETE', path(id));
      ctx.show({ id, deleted: true }, () => `Deleted log stream ${id}.`);
      return 0;
    },
  },
};
