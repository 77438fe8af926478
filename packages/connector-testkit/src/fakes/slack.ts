// A fake Slack: Web API chat.postMessage and auth.test with Bearer tokens, plus one incoming webhook.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

export interface SlackFakeOptions {
  /** The bot token the Web API accepts. Default `xoxb-fake-bot-token`. */
  token?: string;
  /** Channels that exist (IDs or names); any channel when omitted. */
  channels?: readonly string[];
  /** Path of the incoming webhook. Default `/services/T000FAKE/B000FAKE/fakewebhooksecret`. */
  webhookPath?: string;
}

/** A message Slack accepted, from either chat.postMessage or the webhook. */
export interface SlackPostedMessage {
  via: 'api' | 'webhook';
  /** The channel argument (Web API only). */
  channel?: string | undefined;
  text?: string | undefined;
  blocks?: Array<Record<string, unknown>> | undefined;
  /** Every argument as received (JSON-encoded form fields decoded). */
  args: Record<string, unknown>;
}

export interface SlackFake extends FakeServer {
  /** `slackApiUrl` for the WebClient: `http://127.0.0.1:<port>/api/`. */
  apiUrl: string;
  /** The incoming webhook URL. */
  webhookUrl: string;
  token: string;
  /** Messages accepted so far, in order. */
  messages(): SlackPostedMessage[];
  /** Answers the next request with HTTP 200 `{"ok":false,"error":<error>}`. */
  failNext(error: string): void;
  /** Answers the next request with HTTP 429 and `Retry-After: <seconds>`. */
  rateLimitNext(retryAfterSeconds: number): void;
}

/** Slack's error shape: HTTP 200 with `ok: false`. */
export function slackApiError(error: string): FakeAnswer {
  return { status: 200, body: { ok: false, error } };
}

/** HTTP 429 with Retry-After, as Slack rate limits (Web API and webhooks). */
export function slackRateLimited(retryAfterSeconds: number): FakeAnswer {
  return { status: 429, headers: { 'retry-after': String(retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } };
}

const MAX_BLOCKS = 50;
const MAX_HEADER_TEXT = 150;
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

/** The call's arguments: JSON body, or form fields with JSON-encoded blocks/attachments. */
export function slackArgs(req: RecordedRequest): Record<string, unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/json')) return req.json<Record<string, unknown>>();
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(req.text())) {
    if (!JSON_FIELDS.has(key)) out[key] = value;
    else {
      try {
        out[key] = JSON.parse(value);
      } catch {
        out[key] = value;
      }
    }
  }
  return out;
}

/** Why Block Kit content would be refused (`invalid_blocks`), or undefined when it is fine. */
function blocksProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) return 'invalid_blocks';
  for (const block of blocks as Array<Record<string, unknown>>) {
    if (!block || typeof block.type !== 'string') return 'invalid_blocks';
    const text = (block.text as { text?: unknown } | undefined)?.text;
    if (block.type === 'header' && (typeof text !== 'string' || text.length > MAX_HEADER_TEXT)) return 'invalid_blocks';
  }
  return undefined;
}

function hasContent(args: Record<string, unknown>): boolean {
  return (typeof args.text === 'string' && args.text.length > 0) || (Array.isArray(args.blocks) && args.blocks.length > 0);
}

export async function startSlackFake(options: SlackFakeOptions = {}): Promise<SlackFake> {
  const token = options.token ?? 'xoxb-fake-bot-token';
  const webhookPath = options.webhookPath ?? '/services/T000FAKE/B000FAKE/fakewebhooksecret';
  const channels = options.channels ? new Set(options.channels) : undefined;
  const accepted: SlackPostedMessage[] = [];
  let ts = 0;

  const authError = (req: RecordedRequest, args: Record<string, unknown>): string | undefined => {
    const header = String(req.headers.authorization ?? '');
    const given = header.startsWith('Bearer ') ? header.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    if (!given) return 'not_authed';
    return given === token ? undefined : 'invalid_auth';
  };

  const postMessage = (args: Record<string, unknown>): FakeAnswer => {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    if (!channel || (channels && !channels.has(channel))) return slackApiError('channel_not_found');
    if (!hasContent(args)) return slackApiError('no_text');
    const problem = blocksProblem(args.blocks);
    if (problem) return slackApiError(problem);
    accepted.push({ via: 'api', channel, text: args.text as string | undefined, blocks: args.blocks as SlackPostedMessage['blocks'], args });
    const stamp = `${Math.floor(Date.now() / 1000)}.${String(++ts).padStart(6, '0')}`;
    return { status: 200, body: { ok: true, channel, ts: stamp, message: { type: 'message', text: args.text, ts: stamp } } };
  };

  const webApi = (req: RecordedRequest): FakeAnswer => {
    const method = req.path.slice('/api/'.length);
    if (req.method !== 'POST') return { status: 405, body: { ok: false, error: 'method_not_allowed' } };
    const args = slackArgs(req);
    const denied = authError(req, args);
    if (method === 'auth.test') {
      if (denied) return slackApiError(denied);
      return {
        status: 200,
        body: { ok: true, url: 'https://fake.slack.com/', team: 'Fake Team', user: 'outflow', team_id: 'T000FAKE', user_id: 'U000FAKE', bot_id: 'B000FAKE' },
      };
    }
    if (method === 'chat.postMessage') return denied ? slackApiError(denied) : postMessage(args);
    return { status: 404, body: { ok: false, error: 'unknown_method' } };
  };

  const webhook = (req: RecordedRequest): FakeAnswer => {
    const text = (status: number, body: string): FakeAnswer => ({ status, headers: { 'content-type': 'text/html' }, body });
    if (req.path !== webhookPath) return text(404, 'no_service');
    if (req.method !== 'POST') return { status: 405, headers: { allow: 'POST', 'content-type': 'text/html' }, body: 'invalid_method' };
    let args: Record<string, unknown>;
    try {
      args = req.json<Record<string, unknown>>();
    } catch {
      return text(400, 'invalid_payload');
    }
    if (!hasContent(args)) return text(400, 'no_text');
    if (blocksProblem(args.blocks)) return text(400, 'invalid_blocks');
    accepted.push({ via: 'webhook', text: args.text as string | undefined, blocks: args.blocks as SlackPostedMessage['blocks'], args });
    return text(200, 'ok');
  };

  const server = await startFakeServer((req) => {
    if (req.path.startsWith('/api/')) return webApi(req);
    if (req.path.startsWith('/services/')) return webhook(req);
    return { status: 404, body: 'not_found' };
  });
  const reset = server.reset;
  return Object.assign(server, {
    apiUrl: `${server.url}/api/`,
    webhookUrl: `${server.url}${webhookPath}`,
    token,
    messages: () => [...accepted],
    failNext: (error: string) => server.enqueue(slackApiError(error)),
    rateLimitNext: (seconds: number) => server.enqueue(slackRateLimited(seconds)),
    reset: () => {
      reset();
      accepted.length = 0;
    },
  });
}
