// Creates the runner's pino logger (stderr, a file, JSON or pretty); known secret-bearing fields are redacted; the level changes live.
import { pino, type Logger as PinoLogger } from 'pino';
import { prettyLines } from './log-pretty.js';

export interface LogSettings {
  level: string;
  /** `json` (one object a line, the default) or `pretty` (a readable line for people). */
  format?: 'json' | 'pretty';
  /** Absolute path of a file the logs are appended to; unset, they go to stderr. */
  file?: string;
}

export interface RunnerLogger {
  logger: PinoLogger;
  /** Sets the level of the root logger and every child made from it (config reload). */
  setLevel(level: string): void;
}

/** The logger: to `destination` when given (tests), else to `settings.file` or stderr, so stdout stays free for the console connector. */
export function createRunnerLogger(settings: LogSettings, destination?: NodeJS.WritableStream): RunnerLogger {
  const children = new Set<WeakRef<PinoLogger>>();
  const raw: pino.DestinationStream =
    (destination as pino.DestinationStream | undefined) ?? pino.destination(settings.file ? { dest: settings.file, mkdir: true, sync: true } : 2);
  const out = settings.format === 'pretty' ? prettyLines(raw) : raw;
  const logger = pino(
    {
      level: settings.level,
      // Each package binds its own `component`; the root binds none, so no key repeats.
      base: {},
      redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'sink', '*.sink'], censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Children (and theirs) are tracked weakly so a reload can set their level too.
      onChild: (child) => void children.add(new WeakRef(child as PinoLogger)),
    },
    out,
  );
  return {
    logger,
    setLevel(level) {
      logger.level = level;
      for (const ref of children) {
        const child = ref.deref();
        if (child) child.level = level;
        else children.delete(ref);
      }
    },
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): PinoLogger {
  return createRunnerLogger({ level }, destination).logger;
}
