// Help texts of `outflow streams` and each of its sub-commands.
import { STATS_MINUTES } from '../server/stats-window.js';

const CONNECTION = `Connection:
  --url URL        The runner (default: $OUTFLOW_URL or http://127.0.0.1:8080)
  --token TOKEN    API token (default: $OUTFLOW_TOKEN; prefer the variable: flags show in ps)
  --json           Print the API's JSON instead of tables
  -h, --help       Show this help`;

const DEFINITION = `  --name NAME                 Stream name (unique per tenant)
  --sink KEY=VALUE            A sink field as a string; repeat for more (dotted keys nest)
  --sink KEY:=JSON            A sink field as JSON: numbers, booleans, lists, objects
  --sink-json '{...}'         Sink fields as one JSON object (--sink pairs apply over it)
  --filter category:NAME      Only events of an Auth0 category (e.g. category:auth.login.fail)
  --filter type:CODE          Only events of a type code (e.g. type:fp); repeat or comma-separate
                              (type:fp,sapi: a name without a prefix takes the one before it)`;

export const STREAMS_USAGE = `Usage: outflow streams <command> [options]

Manage log streams of a running Outflow runner over its management API.

Commands:
  list                     List the tenant's log streams
  get <id>                 Show one stream (secrets masked)
  create --type T ...      Create a stream
  update <id> ...          Change a stream's name, sink or filters
  pause <id>               Stop delivering; events keep accumulating
  resume <id>              Deliver again from the cursor (also restarts a suspended stream)
  delete <id> [--yes]      Delete a stream
  health <id>              Status, lag, counters and recent health records
  stats <id>               Delivered, failed and dead-lettered events per minute
  replay <id> --from WHEN  Move the cursor back to a date and deliver again from there
  dead-letters <id>        Events the destination refused for good
  redrive <id> [--ids ..]  Deliver dead letters again
  test <id>                Send one synthetic event through the stream's connector now
  preview --type T ...     Show the requests a sink would receive, without creating a stream
  tail <id> [--rate N]     Show the events the stream's destination accepts, live (PII masked)
  top [--once]             Every stream's status, events/s, lag and last error, refreshed live

${CONNECTION}

Run "outflow streams <command> --help" for a command's options.`;

const HELP: Record<string, string> = {
  list: `Usage: outflow streams list [--json]

Lists the log streams of the token's tenant: id, name, type, status, lag (events and seconds),
last delivery, who manages it, filters. --json prints the API's list as is.`,
  get: `Usage: outflow streams get <id> [--json]

Shows one log stream; secret sink fields are masked.`,
  create: `Usage: outflow streams create --type TYPE [options]

Options:
  --type TYPE                 Connector type (http, datadog, splunk, slack, segment, eventbridge, eventgrid, console, …)
${DEFINITION}
  --clear-filters             No filters (every event)
  --start-from WHEN           Deliver from this date (ISO 8601, or a duration ago: 2h, 7d)
  --priority                  Mark the stream as priority (cannot be changed later)
  -f, --file FILE             A stream as JSON or YAML ({name, type, sink, filters, pii_config, …});
                              flags apply over it; "get --json" output works (id, status and
                              managedBy are ignored; masked secrets must be given again)

Example:
  outflow streams create --type http --name siem \\
    --sink httpEndpoint=https://siem.example.com/logs --sink httpContentFormat=JSONLINES \\
    --sink httpAuthorization="$SIEM_TOKEN" --filter category:auth.login.fail`,
  update: `Usage: outflow streams update <id> [options]

Sink fields are merged into the stored sink (a masked secret keeps its stored value; key:=null
removes a field); --filter replaces all filters.

Options:
${DEFINITION}
  --clear-filters             Remove every filter (deliver every event)
  -f, --file FILE             A patch as JSON or YAML ({name?, sink?, filters?, pii_config?});
                              edited "get --json" output works (masked secrets keep their value)`,
  pause: `Usage: outflow streams pause <id>

Stops delivery; events keep accumulating in the log and resume continues from the cursor.`,
  resume: `Usage: outflow streams resume <id>

Makes a paused or suspended stream active again; delivery continues from its cursor.`,
  delete: `Usage: outflow streams delete <id> [--yes]

Deletes a stream created over the API (config-managed streams are removed in the config file).
Asks for confirmation on a terminal; elsewhere --yes is required.`,
  health: `Usage: outflow streams health <id> [--limit N] [--before RECORD_ID]

Status, worker state, lag (events and seconds), delivered, failed and dead-lettered counts, last
success and error, when and why events were last dead-lettered, and the most recent health
records (newest first; --before pages back).`,
  stats: `Usage: outflow streams stats <id> [--minutes N]

Totals of delivered, failed and dead-lettered events and failed delivery rounds over the last N
minutes (${STATS_MINUTES.min}-${STATS_MINUTES.max}, default ${STATS_MINUTES.default}, the last being the current minute), then each minute that has any.`,
  replay: `Usage: outflow streams replay <id> --from WHEN

Moves the stream's cursor to the first event recorded at or after WHEN (ISO 8601, or a duration
ago: 2h, 30m, 7d); the stream delivers everything from there again.`,
  'dead-letters': `Usage: outflow streams dead-letters <id> [--limit N] [--after ID]

Lists events the destination refused for good, oldest first (--after pages forward).`,
  redrive: `Usage: outflow streams redrive <id> [--ids 1,2,3]

Hands dead letters (all, or the given ids) back to the stream's worker; each is removed once the
destination accepts it, and one refused again stays with its new error.`,
  test: `Usage: outflow streams test <id>

Sends one synthetic event through the stream's connector now (it is not stored in the log) and
shows what the destination answered. Exits 1 when the destination did not accept it.`,
  preview: `Usage: outflow streams preview --type TYPE [options]

Shows the exact requests the connector would send for sample Auth0 events, secrets masked;
nothing is sent and no stream is created.

Options:
  --type TYPE                 Connector type
${DEFINITION}
  --count N                   Number of sample events (1-20)
  --events FILE               Events to use instead of samples (a JSON list)
  -f, --file FILE             A stream definition as JSON or YAML; flags apply over it`,
  tail: `Usage: outflow streams tail <id> [--rate N] [--count N] [--json]

Shows the events the stream's destination accepts from now on, as they were sent: with the
stream's pii_config applied (masked or hashed). Above --rate events per second (1-1000, default
10) events are skipped, and a line says how many. Needs the read:log_streams scope.

Options:
  --rate N                    Events per second at most (the runner skips the rest)
  --count N                   Exit after N events
  --json                      One JSON object per line ({seq, log_id, type, event}; {skipped})`,
  top: `Usage: outflow top [--once] [--interval SECONDS] [--json]
       (also: outflow streams top)

Every stream of the token's tenant: status, worker state, events delivered per second, lag,
delivered and dead-letter counts and the last error. On a terminal the view refreshes every
--interval seconds (default 2) until Ctrl-C; with --once, or when stdout is not a terminal, it
prints once and exits.`,
};

export function commandHelp(command: string): string {
  return `${HELP[command] ?? STREAMS_USAGE}\n\n${CONNECTION}`;
}

export const COMMANDS = Object.keys(HELP);
