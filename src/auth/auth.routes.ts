import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/principal.ts';
import { errorSchema, storeSchema } from '../http/schemas.ts';
import { SESSION_COOKIE } from '../http/session.plugin.ts';
import { presentStore } from '../stores/stores.presenter.ts';
import type { AuthService, Principal } from './auth.service.ts';

const sessionSchema = z.object({
  user: z.object({ id: z.number(), name: z.string(), email: z.string(), role: z.enum(['admin', 'manager', 'agent']) }),
  csrfToken: z.string().describe('Send back as the x-csrf-token header on every POST, PUT, PATCH and DELETE'),
  stores: z.array(storeSchema),
});

function presentSession(p: Principal): z.infer<typeof sessionSchema> {
  return {
    user: { id: p.user.id, name: p.user.name, email: p.user.email, role: p.user.role },
    csrfToken: p.csrfToken,
    stores: p.stores.map(presentStore),
  };
}

export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; secureCookies: boolean; sessionTtlHours: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        // Per address and account, so one attacker cannot lock everybody out.
        rateLimit: {
          max: 10,
          timeWindow: '5 minutes',
          hook: 'preHandler',
          keyGenerator: (req) => {
            const email = (req.body as { email?: unknown } | undefined)?.email;
            return `${req.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
          },
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password; sets the HttpOnly session cookie',
        body: z.object({
          email: z.string().trim().min(1, 'enter your e-mail'),
          password: z.string().min(1, 'enter your password'),
        }),
        response: { 200: sessionSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const { token, principal } = await deps.auth.login(req.body.email, req.body.password);
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        path: '/',
        maxAge: deps.sessionTtlHours * 3600,
      });
      return presentSession(principal);
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null(), 401: errorSchema } } },
    async (req, reply) => {
      await deps.auth.logout(principalOf(req).sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user, their stores and CSRF token',
        response: { 200: sessionSchema, 401: errorSchema },
      },
    },
    async (req) => presentSession(principalOf(req)),
  );
}
