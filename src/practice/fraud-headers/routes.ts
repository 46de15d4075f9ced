import { type FastifyInstance } from 'fastify';
import { type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, rule } from '../http/mtd-errors';
import { SPEC_VERSION, validateFraudHeaders } from './validate';

/**
 * Test Fraud Prevention Headers API 1.0 (sandbox only at HMRC). `validate` checks the headers on
 * the request itself; `validation-feedback` reports on the application's last request to an API.
 * HMRC's OAS for this API is not available offline, so the feedback body is Practice HMRC's own
 * shape (the validate body follows what third-party clients show). [reference §4.5, §6 gap 1]
 */
export function registerFraudHeaderRoutes(app: FastifyInstance, deps: ApiDeps): void {
  registerApiRoute(app, deps, {
    method: 'GET',
    url: '/test/fraud-prevention-headers/validate',
    api: 'txm-fph-validator-api',
    restriction: 'any',
    handler: (ctx) => ({ status: 200, body: validateFraudHeaders(ctx.req.headers) }),
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: '/test/fraud-prevention-headers/:api/validation-feedback',
    api: 'txm-fph-validator-api',
    restriction: 'any',
    handler: (ctx) => {
      const method = ctx.query.get('connectionMethod');
      if (method !== null && method !== 'DESKTOP_APP_DIRECT') {
        throw new ApiError(400, [
          rule(
            'INVALID_CONNECTION_METHOD',
            'Practice HMRC gives feedback for the DESKTOP_APP_DIRECT connection method only',
          ),
        ]);
      }
      const last = deps.feedback.last(ctx.clientId, ctx.params.api as string);
      if (!last) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: {
          specVersion: SPEC_VERSION,
          connectionMethod: 'DESKTOP_APP_DIRECT',
          requests: [
            {
              method: last.method,
              path: last.path,
              requestTimestamp: last.requestedAt,
              code: last.report.code,
              errors: last.report.errors,
              warnings: last.report.warnings,
            },
          ],
        },
      };
    },
  });
}
