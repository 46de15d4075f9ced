import { expect } from 'vitest';
import { type HmrcSpecs, loadHmrcSpecs } from '../../../support/hmrc-specs';
import { validFraudHeaders } from './fraud-headers';

/**
 * An HTTP client for Practice HMRC's APIs that checks every answer against HMRC's published
 * contract: the body validates against the spec's schema for that endpoint and status (or the
 * API's error schema for platform errors), and every response carries a 36-character
 * X-CorrelationId. Schema checks run when the specs are available (they are not in the repo).
 */
const API_BY_PREFIX: [prefix: string, api: string, version: string][] = [
  ['/individuals/business/self-employment/', 'self-employment-business-api', '5.0'],
  ['/individuals/business/property/', 'property-business-api', '6.0'],
  ['/individuals/business/details/', 'business-details-api', '2.0'],
  ['/obligations/details/', 'obligations-api', '3.0'],
  ['/individuals/calculations/', 'individual-calculations-api', '8.0'],
  ['/individuals/person/itsa-status/', 'self-assessment-individual-details-api', '2.0'],
  ['/individuals/self-assessment-test-support/', 'mtd-sa-test-support-api', '1.0'],
  ['/test/fraud-prevention-headers/', 'txm-fph-validator-api', '1.0'],
  ['/create-test-user/', 'api-platform-test-user', '1.0'],
  ['/practice/', 'practice-admin', '1.0'],
];

export interface ApiCall {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  /** Sent as is instead of JSON-encoding `body`. */
  rawBody?: string;
  contentType?: string;
  /** Override the Accept header; null sends none. */
  accept?: string | null;
  scenario?: string;
  headers?: Record<string, string>;
  /** Send no fraud prevention headers. */
  noFraudHeaders?: boolean;
}

export interface ApiResult {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** Counts of contract checks made, for test reports. */
export const contractStats = { responses: 0, schemaValidated: 0 };

export function apiFor(path: string): { api: string; version: string } | undefined {
  const found = API_BY_PREFIX.find(([prefix]) => path.startsWith(prefix));
  return found ? { api: found[1], version: found[2] } : undefined;
}

export function checkContract(
  specs: HmrcSpecs | undefined,
  call: ApiCall,
  result: ApiResult,
): void {
  expect(
    result.headers.get('x-correlationid'),
    `X-CorrelationId on ${call.method} ${call.path}`,
  ).toMatch(/^[0-9a-f-]{36}$/);
  contractStats.responses += 1;
  const target = apiFor(call.path);
  if (!specs || !target || !specs.apiNames().includes(target.api)) return;
  const path = call.path.split('?')[0] as string;
  const template = specs.matchPath(target.api, call.method, path);
  const where = `${call.method} ${call.path} -> ${result.status}`;
  if (template && specs.documentsStatus(target.api, call.method, template, result.status)) {
    const schema = specs.responseSchema(target.api, call.method, template, result.status);
    if (schema) {
      const check = schema(result.body);
      expect(check.errors, `${where} does not match HMRC's response schema`).toEqual([]);
      contractStats.schemaValidated += 1;
    } else {
      expect(result.text, `${where}: HMRC documents no body for this status`).toBe('');
    }
    return;
  }
  // Not documented for the endpoint: must be an API platform error in HMRC's error shape.
  expect(
    [400, 401, 403, 404, 405, 406, 415, 429, 500, 503, 504],
    `${where} is not a status HMRC documents`,
  ).toContain(result.status);
  const check = specs.errorSchema(target.api)(result.body);
  expect(check.errors, `${where} error body`).toEqual([]);
  contractStats.schemaValidated += 1;
}

export class ApiClient {
  private readonly specs = loadHmrcSpecs().specs;

  constructor(
    private readonly baseUrl: string,
    public token?: string,
  ) {}

  async call(call: ApiCall): Promise<ApiResult> {
    const target = apiFor(call.path);
    const headers: Record<string, string> = {
      ...(call.noFraudHeaders ? {} : validFraudHeaders()),
      ...(call.headers ?? {}),
    };
    if (call.accept !== null)
      headers.Accept = call.accept ?? `application/vnd.hmrc.${target?.version ?? '1.0'}+json`;
    const token = call.token ?? this.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (call.scenario) headers['Gov-Test-Scenario'] = call.scenario;
    let body: string | undefined = call.rawBody;
    if (body === undefined && call.body !== undefined) body = JSON.stringify(call.body);
    if (body !== undefined) headers['Content-Type'] = call.contentType ?? 'application/json';
    const res = await fetch(`${this.baseUrl}${call.path}`, {
      method: call.method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        parsed = text;
      }
    }
    const result = { status: res.status, body: parsed, text, headers: res.headers };
    checkContract(this.specs, call, result);
    return result;
  }

  get = (path: string, extra: Partial<ApiCall> = {}) =>
    this.call({ method: 'GET', path, ...extra });
  put = (path: string, body: unknown, extra: Partial<ApiCall> = {}) =>
    this.call({ method: 'PUT', path, body, ...extra });
  post = (path: string, body?: unknown, extra: Partial<ApiCall> = {}) =>
    this.call({ method: 'POST', path, ...(body !== undefined ? { body } : {}), ...extra });
  delete = (path: string, extra: Partial<ApiCall> = {}) =>
    this.call({ method: 'DELETE', path, ...extra });
}

/** `{code}` of an HMRC error body (single or the first of a wrapped list). */
export function codeOf(body: unknown): string | undefined {
  return (body as { code?: string } | undefined)?.code;
}

export function errorCodesOf(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as { code?: string; errors?: { code: string }[] };
  return b.errors ? b.errors.map((e) => e.code) : b.code ? [b.code] : [];
}
