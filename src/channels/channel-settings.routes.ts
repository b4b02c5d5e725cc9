import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import type { ChannelSettingsService } from './channel-settings.service.ts';

const channelConfig = z.object({
  channel: z.enum(['email', 'sms', 'print', 'voice']),
  provider: z.enum(['outbox', 'smtp', 'twilio', 'print_api', 'voice_simulator', 'voice_http']),
  settings: z.record(z.string(), z.unknown()),
  secretsSet: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

/**
 * Which provider a store sends each channel through (administrators). Secrets are write-only:
 * responses say which are set, never what they are.
 */
export function channelSettingsRoutes(app: FastifyInstance, deps: { channels: ChannelSettingsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ storeId: z.coerce.number().int().positive() });
  const errors = errorResponses;

  r.get(
    '/api/stores/:storeId/channels',
    {
      schema: {
        tags: ['stores'],
        summary:
          'The store’s sending providers per channel (e-mail, SMS, print, voice drops); secrets are listed by name only',
        params,
        response: { 200: z.object({ channels: z.array(channelConfig) }), ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      return { channels: await deps.channels.list(req.params.storeId) };
    },
  );

  r.put(
    '/api/stores/:storeId/channels/:channel',
    {
      schema: {
        tags: ['stores'],
        summary:
          'Set a channel’s provider and settings (administrators; audited). A secret left out keeps its stored value; an empty string clears it',
        params: params.extend({ channel: z.enum(['email', 'sms', 'print', 'voice']) }),
        body: z.object({
          provider: z.enum(['outbox', 'smtp', 'twilio', 'print_api', 'voice_simulator', 'voice_http']),
          settings: z.record(z.string(), z.unknown()).optional(),
          secrets: z.record(z.string(), z.string().max(20_000)).optional(),
        }),
        response: { 200: channelConfig, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin');
      return deps.channels.save(req.params.storeId, req.params.channel, req.body, principal.user.id);
    },
  );
}
