import { type FastifyInstance } from 'fastify';
import { type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, rule } from '../http/mtd-errors';
import { isNino } from '../rules/path-params';
import { describeUser } from '../state/public-users';
import { authoriseAgent, createAgent, createIndividual } from '../state/test-users';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Creating practice users over HTTP.
 *
 * - `POST /create-test-user/individuals` and `/create-test-user/agents` take HMRC's Create Test
 *   User API body (`{"serviceNames": [...]}`) and answer 201 with its main fields (userId,
 *   password, userFullName, nino / arn). Like HMRC's, they need an application token
 *   (`grant_type=client_credentials`). [reference §3.8; HMRC Create Test User API 1.0]
 * - Practice-only (no HMRC equivalent): `POST /practice/individuals` creates an individual with
 *   businesses in one go (body: NewIndividual, see state/test-users.ts) and
 *   `POST /practice/agents/{userId}/clients` with `{"nino", "relationship": "main"|"supporting"}`
 *   records that a client has authorised an agent (HMRC's agent authorisation journey).
 *   Both accept any token of the practice application and `Accept: application/vnd.hmrc.1.0+json`.
 */
export function registerCreateTestUser(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const serviceNames = (body: unknown): string[] => {
    if (!isObj(body) || !Array.isArray(body.serviceNames))
      throw new ApiError(400, [E.ruleIncorrectOrEmptyBody]);
    return body.serviceNames.map(String);
  };

  registerApiRoute(app, deps, {
    method: 'POST',
    url: '/create-test-user/individuals',
    api: 'api-platform-test-user',
    restriction: 'application',
    jsonBody: true,
    handler: (ctx) => {
      const services = serviceNames(ctx.body);
      const user = createIndividual(store.data, {
        description: `Individual created through the Create Test User API (${services.join(', ') || 'no services'})`,
      });
      store.changed();
      const taxpayer = store.taxpayer(user.nino as string);
      const [firstName, ...rest] = user.name.split(' ');
      return {
        status: 201,
        body: {
          userId: user.userId,
          password: user.password,
          userFullName: user.name,
          emailAddress: `${user.userId}@practice.invalid`,
          individualDetails: {
            firstName,
            lastName: rest.join(' '),
            dateOfBirth: taxpayer?.dateOfBirth,
            address: { line1: '1 Practice Street', line2: 'Testington', postcode: 'TE1 1ST' },
          },
          nino: user.nino,
          mtdItId: `XAIT${(user.nino as string).slice(2, 8).padStart(11, '0')}`,
        },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: '/create-test-user/agents',
    api: 'api-platform-test-user',
    restriction: 'application',
    jsonBody: true,
    handler: (ctx) => {
      serviceNames(ctx.body);
      const user = createAgent(store.data, {
        description: 'Agent services account created through the Create Test User API',
      });
      store.changed();
      return {
        status: 201,
        body: {
          userId: user.userId,
          password: user.password,
          userFullName: user.name,
          emailAddress: `${user.userId}@practice.invalid`,
          agentServicesAccountNumber: user.arn,
          agentCode: user.userId.slice(-10),
          arn: user.arn,
        },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: '/practice/individuals',
    api: 'practice-admin',
    restriction: 'any',
    jsonBody: true,
    handler: (ctx) => {
      if (!isObj(ctx.body)) throw new ApiError(400, [E.ruleIncorrectOrEmptyBody]);
      try {
        const user = createIndividual(store.data, ctx.body);
        store.changed();
        return { status: 201, body: describeUser(store, user, clock.now()) };
      } catch (err) {
        throw new ApiError(400, [rule('PRACTICE_INVALID_USER', (err as Error).message)]);
      }
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: '/practice/agents/:userId/clients',
    api: 'practice-admin',
    restriction: 'any',
    jsonBody: true,
    handler: (ctx) => {
      const body = ctx.body;
      const relationship = isObj(body) ? body.relationship : undefined;
      const nino = isObj(body) && typeof body.nino === 'string' ? body.nino : '';
      if (!isNino(nino) || (relationship !== 'main' && relationship !== 'supporting')) {
        throw new ApiError(400, [E.ruleIncorrectOrEmptyBody]);
      }
      try {
        authoriseAgent(store.data, ctx.params.userId as string, nino, relationship);
      } catch (err) {
        throw new ApiError(404, [rule('MATCHING_RESOURCE_NOT_FOUND', (err as Error).message)]);
      }
      store.changed();
      return { status: 204 };
    },
  });
}
