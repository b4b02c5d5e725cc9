import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { errorHandler } from './errors.ts';

export interface ServerOptions {
  logger: Logger | false;
  /** Folder of the built web app; served at / when it exists. */
  webDist: string;
  publicUrl: string;
  version: string;
}

/** A Fastify instance with the shared plumbing: validation, errors, cookies, limits, docs, web app. */
export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger | undefined = opts.logger || undefined;
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  // HTML forms, RFC 8058 one-click unsubscribes and provider webhooks (Twilio) post forms. Fields
  // become a plain object of strings (the last value wins); multipart bodies carry nothing we read.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, _body, done) =>
    done(null, {}),
  );
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Forecourt API',
        version: opts.version,
        description:
          'Customer-outreach engine for dealerships. Authenticate with POST /api/auth/login (sets an HttpOnly cookie); ' +
          'send the returned csrfToken as the x-csrf-token header on every state-changing request.',
      },
      servers: [{ url: opts.publicUrl }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'forecourt_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());

  if (fs.existsSync(path.join(opts.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false });
    // Client-side routes (/customers/12) get the app shell; unknown /api paths stay JSON 404s.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } }),
    );
  }
  return app;
}
