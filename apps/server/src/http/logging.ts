import type { FastifyInstance } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/config.js';

/**
 * Paths never written, in case a log call passes a request, a body or a key by mistake.
 * Bodies hold what happened to a person; X-Access-Key opens their saved answers.
 */
const REDACT = [
  'req.headers',
  'req.body',
  'req.query',
  'req.ip',
  'req.ips',
  'req.remoteAddress',
  'headers',
  'body',
  'query',
  'answers',
  'key',
  'accessKey',
  '*.answers',
  '*.key',
  '*.accessKey',
  '*.body',
  '*.headers',
  '*["x-access-key"]',
];

/** The process logger: JSON lines, no bodies, no query strings, no IPs, no access keys. */
export function createLogger(config: Pick<Config, 'logLevel'>, stream?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: 'mimamoru' },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        url: req.url?.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return stream ? pino(options, stream) : pino(options);
}

/** One line per request: method, route, status, duration, request id (added by Fastify as reqId). */
export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
}
