import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../shared/errors.ts';

const STATUS: Record<string, number> = {
  not_found: 404,
  invalid_input: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  conflict: 409,
  rate_limited: 429,
  unsupported_media_type: 415,
  import_bad_file: 422,
  import_bad_header: 422,
  import_unknown_kind: 404,
  template_syntax: 422,
  template_unknown_tag: 422,
  template_unknown_filter: 422,
  template_raw_output: 422,
  template_sms_too_long: 422,
  not_eligible: 422,
  segment_invalid: 422,
  batch_invalid: 422,
  audio_invalid: 422,
  lifecycle_invalid: 422,
  call_list_invalid: 422,
  unknown_recycle_code: 422,
  call_already_logged: 409,
  call_not_taken: 409,
  confirmation_required: 409,
  reply_blocked: 409,
  export_invalid: 422,
  export_confirmation_required: 409,
};

/** The one body every error response has. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Maps domain codes, validation failures and framework errors to statuses; never leaks internals. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof DomainError) {
    const status = STATUS[error.code] ?? 422;
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    void reply.status(status).send(body);
    return;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = error.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { field: field || error.validationContext, message: v.message ?? 'is invalid' };
    });
    const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    void reply
      .status(400)
      .send({ error: { code: 'invalid_input', message: `Invalid request: ${summary}`, details: problems } });
    return;
  }
  const fe = error as FastifyError;
  const status = fe.statusCode ?? 500;
  if (status === 429) {
    void reply
      .status(429)
      .send({ error: { code: 'rate_limited', message: 'Too many attempts. Wait a minute and try again.' } });
    return;
  }
  if (status >= 400 && status < 500) {
    const code = status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'invalid_input';
    void reply.status(status).send({ error: { code, message: fe.message } });
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply
    .status(500)
    .send({ error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } });
}
