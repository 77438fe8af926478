// Creates the runner's pino logger; known secret-bearing fields are redacted.
import { pino, type Logger as PinoLogger } from 'pino';

export function createLogger(level: string, destination?: NodeJS.WritableStream): PinoLogger {
  return pino(
    {
      level,
      // Each package binds its own `component`; the root binds none, so no key repeats.
      base: {},
      redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'sink', '*.sink'], censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination as pino.DestinationStream | undefined,
  );
}
