import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import type { HmrcAccountClient, HmrcService } from '../../../src/main/hmrc/hmrc-service';

/** The endpoint groups of an account's client (everything but its identity and transport). */
type Endpoints = Omit<HmrcAccountClient, 'accountId' | 'environment' | 'kind' | 'transport'>;

/** What a test gives: any endpoints it expects, each with the real endpoint's signature. */
export type HmrcClientFake = { [G in keyof Endpoints]?: Partial<Endpoints[G]> } & Partial<
  Pick<HmrcAccountClient, 'accountId' | 'environment' | 'kind' | 'transport'>
>;

/** An endpoint the test did not expect to be called: it rejects and says which. */
const unexpected = (name: string) => (): Promise<never> =>
  Promise.reject(new Error(`The test did not expect a call to ${name}`));

/**
 * A transport that answers every request as HMRC answers an endpoint with no response body
 * (204), after telling `onSend`; a request that expects a body is refused, since the test gave
 * none. The data is read as HmrcHttpClient reads a 204: nothing.
 */
export function noContentTransport(
  onSend: (request: HmrcRequest<unknown>) => void,
  account: Pick<HmrcTransport, 'accountId' | 'environment'> = {
    accountId: 'fake-account',
    environment: 'practice',
  },
): HmrcTransport {
  return {
    ...account,
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      onSend(request);
      if (request.response) return unexpected(`transport.send with a body (${request.template})`)();
      return Promise.resolve({ data: undefined as T, correlationId: 'c', status: 204 });
    },
  };
}

/**
 * A complete HmrcAccountClient for a unit test: the endpoints the test gives, and every other one
 * refusing with its name. Written out against the real interface (not cast), so an endpoint
 * added to or changed in HmrcAccountClient fails to compile here and in the tests' fakes instead
 * of drifting from what the code calls.
 */
export function fakeHmrcAccountClient(fake: HmrcClientFake = {}): HmrcAccountClient {
  const transport: HmrcTransport = fake.transport ?? {
    accountId: fake.accountId ?? 'fake-account',
    environment: fake.environment ?? 'practice',
    send: unexpected('transport.send'),
  };
  return {
    accountId: fake.accountId ?? transport.accountId,
    environment: fake.environment ?? transport.environment,
    kind: fake.kind ?? 'individual',
    transport,
    businessDetails: {
      list: unexpected('businessDetails.list'),
      retrieve: unexpected('businessDetails.retrieve'),
      createAmendQuarterlyPeriodType: unexpected('businessDetails.createAmendQuarterlyPeriodType'),
      ...fake.businessDetails,
    },
    individualDetails: {
      itsaStatus: unexpected('individualDetails.itsaStatus'),
      ...fake.individualDetails,
    },
    obligations: {
      incomeAndExpenditure: unexpected('obligations.incomeAndExpenditure'),
      finalDeclaration: unexpected('obligations.finalDeclaration'),
      ...fake.obligations,
    },
    selfEmployment: {
      putCumulative: unexpected('selfEmployment.putCumulative'),
      getCumulative: unexpected('selfEmployment.getCumulative'),
      ...fake.selfEmployment,
    },
    ukProperty: {
      putCumulative: unexpected('ukProperty.putCumulative'),
      getCumulative: unexpected('ukProperty.getCumulative'),
      ...fake.ukProperty,
    },
    foreignProperty: {
      putCumulative: unexpected('foreignProperty.putCumulative'),
      getCumulative: unexpected('foreignProperty.getCumulative'),
      details: unexpected('foreignProperty.details'),
      ...fake.foreignProperty,
    },
    calculations: {
      trigger: unexpected('calculations.trigger'),
      list: unexpected('calculations.list'),
      retrieve: unexpected('calculations.retrieve'),
      submitFinalDeclaration: unexpected('calculations.submitFinalDeclaration'),
      ...fake.calculations,
    },
    fraudHeaders: {
      validate: unexpected('fraudHeaders.validate'),
      ...fake.fraudHeaders,
    },
    losses: {
      retrieveLossesAndClaims: unexpected('losses.retrieveLossesAndClaims'),
      createAmendLossesAndClaims: unexpected('losses.createAmendLossesAndClaims'),
      createBroughtForwardLoss: unexpected('losses.createBroughtForwardLoss'),
      listBroughtForwardLosses: unexpected('losses.listBroughtForwardLosses'),
      createLossClaim: unexpected('losses.createLossClaim'),
      listLossClaims: unexpected('losses.listLossClaims'),
      ...fake.losses,
    },
  };
}

/** A complete HmrcService with the parts a test gives; any other part refuses with its name. */
export function fakeHmrcService(fake: Partial<HmrcService>): HmrcService {
  const refuse = (name: string) => () => {
    throw new Error(`The test did not expect a call to hmrc.${name}`);
  };
  return {
    forAccount: refuse('forAccount'),
    previewFraudHeaders: unexpected('hmrc.previewFraudHeaders'),
    accountsFor: refuse('accountsFor'),
    onBusy: refuse('onBusy'),
    ...fake,
  };
}
