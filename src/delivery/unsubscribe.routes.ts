import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { templateLanguage } from '../templates/locale-format.ts';
import { confirmPage, donePage, invalidPage } from './unsubscribe.page.ts';
import type { UnsubscribeService } from './unsubscribe.service.ts';

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(body);

/**
 * The customer-facing unsubscribe endpoints (no login: the signed token is the authority).
 * GET shows a confirmation page and changes nothing; POST unsubscribes, whether it comes from the
 * page's button or a mail client's RFC 8058 one-click request.
 */
export function unsubscribeRoutes(app: FastifyInstance, deps: { unsubscribe: UnsubscribeService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ token: z.string().min(10).max(1000) });
  const lang = (accept: string | undefined) => templateLanguage(accept?.slice(0, 2));

  r.get(
    '/u/:token',
    {
      config: { public: true },
      schema: {
        tags: ['unsubscribe'],
        summary: 'Unsubscribe confirmation page (HTML, in the customer’s language); changes nothing',
        params,
        produces: ['text/html'],
      },
    },
    async (req, reply) => {
      const target = await deps.unsubscribe.targetOf(req.params.token);
      if (!target) return html(reply, 404, invalidPage(lang(req.headers['accept-language'])));
      const language = templateLanguage(target.customer.language);
      const who = target.claim.channel === 'email' ? (target.customer.email ?? '') : target.claim.channel;
      return html(reply, 200, confirmPage(language, target.store.name, who, `/u/${req.params.token}`));
    },
  );

  r.post(
    '/u/:token',
    {
      config: { public: true },
      schema: {
        tags: ['unsubscribe'],
        summary: 'Unsubscribe (the page’s button or RFC 8058 one-click); records the withdrawal in the consent ledger',
        params,
        produces: ['text/html'],
      },
    },
    async (req, reply) => {
      const target = await deps.unsubscribe.targetOf(req.params.token);
      if (!target) return html(reply, 404, invalidPage(lang(req.headers['accept-language'])));
      await deps.unsubscribe.apply(target);
      return html(reply, 200, donePage(templateLanguage(target.customer.language), target.store.name));
    },
  );
}
