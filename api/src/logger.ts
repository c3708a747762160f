/**
 * pino JSON logs. Reporter identity, case content, tracking codes, tokens and secrets are
 * never logged: the paths below are redacted wherever they appear, as a second guard.
 */
import { pino, type Logger } from 'pino';

export const REDACTED_PATHS = [
  'password',
  '*.password',
  'passphrase',
  '*.passphrase',
  'token',
  '*.token',
  'trackingCode',
  '*.trackingCode',
  'identity',
  '*.identity',
  'req.headers.authorization',
  'req.headers.cookie',
  'variables',
  '*.variables',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'aduan-api' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
