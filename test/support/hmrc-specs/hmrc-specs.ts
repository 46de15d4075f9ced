import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readSpecFile } from './spec-files';

type Json = Record<string, unknown>;
type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The result of checking a body against one of HMRC's schemas. */
export interface SchemaCheck {
  valid: boolean;
  /** Ajv's findings as `path message` strings. */
  errors: string[];
}

export type SpecValidator = (data: unknown) => SchemaCheck;

export interface SpecOperation {
  method: HttpMethod;
  /** As in application.yaml, e.g. `/individuals/business/details/{nino}/list`. */
  pathTemplate: string;
}

/** One error code as HMRC's spec lists it for an API. */
export interface ErrorCodeEntry {
  code: string;
  /** HTTP statuses it is listed under (empty if only defined in common/errors.yaml). */
  statuses: number[];
  /** Messages given in the spec's examples. */
  messages: string[];
  /** Operations listing it, as `PUT /individuals/...`. */
  operations: string[];
}

export interface ExampleRequest {
  name: string;
  body: unknown;
  /**
   * Why the example could not be read, when HMRC's file is not JSON (two BSAS examples have an
   * unquoted key: `zeroAdjustments: true`). [hmrc-specs/SOURCES.md "Invalid JSON that no rendering fixes"]
   */
  unreadable?: string;
}

/**
 * API platform error codes from HMRC's reference guide (not in any OAS file), which can come
 * back from every API. [reference §3.6 "Platform-level"]
 */
export const PLATFORM_ERROR_CODES: Record<string, number> = {
  MISSING_CREDENTIALS: 401,
  INVALID_CREDENTIALS: 401,
  UNAUTHORIZED: 401,
  INCORRECT_ACCESS_TOKEN_TYPE: 401,
  HTTPS_REQUIRED: 403,
  RESOURCE_FORBIDDEN: 403,
  INVALID_SCOPE: 403,
  FORBIDDEN: 403,
  MATCHING_RESOURCE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ACCEPT_HEADER_INVALID: 406,
  MESSAGE_THROTTLED_OUT: 429,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  SERVER_ERROR: 503,
  SCHEDULED_MAINTENANCE: 503,
  GATEWAY_TIMEOUT: 504,
};

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch'];
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
// ajv-formats is CommonJS; under ESM its default export is the function (or wraps it).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walkFiles(full, out);
    else out.push(full);
  }
  return out;
}

function fileUrl(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * Prepares a draft-04 schema for Ajv 8 (draft-07): `$schema` and `$id` are dropped (files are
 * keyed by their own URL, so relative `$ref`s resolve between files), draft-04 `id` strings
 * are dropped, and unknown formats (HMRC writes things like "YYYY-MM-DD") are noted.
 */
function normaliseSchema(node: unknown, formats: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => normaliseSchema(n, formats));
  if (!isObj(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'id' && typeof value === 'string') continue;
    if (key === 'format' && typeof value === 'string') formats.add(value);
    out[key] = normaliseSchema(value, formats);
  }
  return out;
}

/**
 * Rewrites every relative `$ref` in an inline schema to an absolute file URL. A single-file OAS
 * (Agent Authorisation) refers to its own `#/components/schemas/...`: those point into the root
 * document, which the Ajv instance also holds.
 */
function absoluteRefs(node: unknown, baseFile: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absoluteRefs(n, baseFile));
  if (!isObj(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (
      key === '$ref' &&
      typeof value === 'string' &&
      value.startsWith('#/components/') &&
      baseFile.endsWith('application.yaml')
    ) {
      out[key] = `${fileUrl(baseFile)}${value}`;
    } else if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
      const [file, fragment] = value.split('#');
      out[key] =
        `${fileUrl(resolve(dirname(baseFile), file as string))}${fragment ? `#${fragment}` : ''}`;
    } else {
      out[key] = absoluteRefs(value, baseFile);
    }
  }
  return out;
}

/**
 * HMRC lists a response's per-tax-year shapes as a top-level `oneOf` (def1..def4). A body that is
 * right for its own year can also satisfy another year's shape (the shapes overlap), which a
 * strict `oneOf` would reject; the spec means "one of these shapes", so it is checked as `anyOf`.
 * Use `schemaFile` to check against one year's shape exactly.
 */
function oneOfAsAnyOf(schema: unknown): unknown {
  if (!isObj(schema) || !Array.isArray(schema.oneOf)) return schema;
  const { oneOf, ...rest } = schema;
  return { ...rest, anyOf: oneOf };
}

/**
 * Agent Authorisation declares an invitation's `service` as an array of one, but the API and the
 * spec's own examples answer a string (hmrc/agent-authorisation-api CHANGE_LOG APB-11560;
 * SOURCES.md "Schema bugs"). Responses are checked against what HMRC sends, the string; the
 * declared array stays as written.
 */
function correctKnownSpecBugs(root: Json): Json {
  const schemas = (root.components as Json | undefined)?.schemas as Json | undefined;
  const response = schemas?.AgentsInvitationsResponse as Json | undefined;
  const props = response?.properties as Json | undefined;
  if (props?.service) props.service = { anyOf: [{ type: 'string' }, props.service] };
  return root;
}

const KNOWN_FORMATS = new Set([
  'date',
  'date-time',
  'time',
  'email',
  'uri',
  'uuid',
  'ipv4',
  'ipv6',
  'regex',
  'hostname',
]);

/** One API's spec folder (e.g. `self-employment-business-api/`): its operations, schemas and examples. */
class ApiSpec {
  private ajv: Ajv | undefined;
  private readonly validators = new Map<string, SpecValidator>();

  constructor(
    readonly name: string,
    readonly dir: string,
  ) {}

  private get root(): Json {
    return readSpecFile(join(this.dir, 'application.yaml')) as Json;
  }

  /** Follows a `$ref` relative to `baseFile`; returns the value and the file it came from. */
  resolveRef(ref: string, baseFile: string): { value: unknown; file: string } {
    const [path, fragment] = ref.split('#');
    const file = path ? resolve(dirname(baseFile), path) : baseFile;
    let value = readSpecFile(file);
    for (const part of (fragment ?? '').split('/').filter(Boolean)) {
      value = isObj(value)
        ? value[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))]
        : undefined;
    }
    return { value, file };
  }

  /** Resolves `$ref` chains (keeping sibling keys, which OAS uses for `security`). */
  deref(node: unknown, baseFile: string): { value: Json; file: string } {
    let value = node;
    let file = baseFile;
    for (let i = 0; i < 10 && isObj(value) && typeof value.$ref === 'string'; i++) {
      const { $ref, ...siblings } = value;
      const next = this.resolveRef($ref, file);
      value = isObj(next.value) ? { ...next.value, ...siblings } : next.value;
      file = next.file;
    }
    return { value: isObj(value) ? value : {}, file };
  }

  operations(): SpecOperation[] {
    const paths = (this.root.paths ?? {}) as Json;
    const ops: SpecOperation[] = [];
    for (const [pathTemplate, item] of Object.entries(paths)) {
      const { value } = this.deref(item, join(this.dir, 'application.yaml'));
      for (const method of METHODS) if (value[method]) ops.push({ method, pathTemplate });
    }
    return ops;
  }

  operation(method: string, pathTemplate: string): { op: Json; file: string } | undefined {
    const paths = (this.root.paths ?? {}) as Json;
    const item = paths[pathTemplate];
    if (!item) return undefined;
    const pathItem = this.deref(item, join(this.dir, 'application.yaml'));
    const raw = pathItem.value[method.toLowerCase()];
    if (!raw) return undefined;
    const { value, file } = this.deref(raw, pathItem.file);
    return { op: value, file };
  }

  private getAjv(): Ajv {
    if (this.ajv) return this.ajv;
    // multipleOf 0.01 on doubles (1000.99 / 0.01 is not exactly whole) needs a tolerance; 1e-2 in
    // the quotient still refuses a third decimal place and holds for amounts up to HMRC's £99bn max.
    // HMRC's patterns are Java regexes with escapes the 'u' flag rejects (e.g. \\" in payrollId).
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      multipleOfPrecision: 2,
      unicodeRegExp: false,
    });
    addFormats(ajv);
    const formats = new Set<string>();
    const schemasDir = join(this.dir, 'schemas');
    for (const file of walkFiles(schemasDir)) {
      if (!/\.(json|ya?ml)$/.test(file)) continue;
      ajv.addSchema(normaliseSchema(readSpecFile(file), formats) as Json, fileUrl(file));
    }
    // The root document too, for OAS files that keep their schemas under components.
    const root = join(this.dir, 'application.yaml');
    ajv.addSchema(
      correctKnownSpecBugs(normaliseSchema(readSpecFile(root), formats) as Json),
      fileUrl(root),
    );
    for (const f of formats) if (!KNOWN_FORMATS.has(f)) ajv.addFormat(f, true);
    this.ajv = ajv;
    return ajv;
  }

  private toValidator(fn: ValidateFunction): SpecValidator {
    return (data) => {
      const valid = fn(data);
      return {
        valid,
        errors: valid
          ? []
          : (fn.errors ?? []).map(
              (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
            ),
      };
    };
  }

  /** A validator for a schema given as it appears in the OAS (a `$ref` or an inline schema). */
  validatorFor(schema: unknown, baseFile: string): SpecValidator {
    const ajv = this.getAjv();
    const inline = normaliseSchema(absoluteRefs(schema, baseFile), new Set()) as Json;
    const key = JSON.stringify(inline);
    const cached = this.validators.get(key);
    if (cached) return cached;
    const fn =
      typeof inline.$ref === 'string' && Object.keys(inline).length === 1
        ? (ajv.getSchema(inline.$ref) ?? ajv.compile(inline))
        : ajv.compile(inline);
    const validator = this.toValidator(fn);
    this.validators.set(key, validator);
    return validator;
  }

  mediaSchema(content: unknown, file: string): SpecValidator | undefined {
    if (!isObj(content)) return undefined;
    // Any media type: the SE cumulative PUT misspells it "applicaton/json". [SOURCES.md]
    for (const media of Object.values(content)) {
      if (isObj(media) && media.schema) return this.validatorFor(oneOfAsAnyOf(media.schema), file);
    }
    return undefined;
  }

  response(
    method: string,
    pathTemplate: string,
    status: number,
  ): { response: Json; file: string } | undefined {
    const found = this.operation(method, pathTemplate);
    if (!found) return undefined;
    const responses = (found.op.responses ?? {}) as Json;
    const raw = responses[String(status)];
    if (!raw) return undefined;
    const { value, file } = this.deref(raw, found.file);
    return { response: value, file };
  }
}

/** HMRC's OAS specs for the ITSA APIs, read from the shared folder. */
export class HmrcSpecs {
  private readonly apis = new Map<string, ApiSpec>();

  constructor(readonly dir: string) {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory() && readdirSync(full).includes('application.yaml'))
        this.apis.set(name, new ApiSpec(name, full));
    }
  }

  /** API folder names, e.g. `self-employment-business-api`. */
  apiNames(): string[] {
    return [...this.apis.keys()].sort();
  }

  private api(name: string): ApiSpec {
    const api = this.apis.get(name);
    if (!api) throw new Error(`No spec for API "${name}" in ${this.dir}`);
    return api;
  }

  operations(api: string): SpecOperation[] {
    return this.api(api).operations();
  }

  /** The path template an actual request path matches, e.g. `/obligations/details/AA100001A/crystallisation`. */
  matchPath(api: string, method: string, path: string): string | undefined {
    const candidates = this.operations(api).filter((o) => o.method === method.toLowerCase());
    // Prefer templates with more literal segments (so `/{nino}/list` beats `/{nino}/{businessId}`).
    const scored = candidates
      .map((o) => ({
        o,
        literals: o.pathTemplate.split('/').filter((s) => s && !s.startsWith('{')).length,
      }))
      .sort((a, b) => b.literals - a.literals);
    for (const { o } of scored) {
      const pattern = new RegExp(
        `^${o.pathTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
      );
      if (pattern.test(path)) return o.pathTemplate;
    }
    return undefined;
  }

  /** The request body schema of an operation, if it has one. */
  requestSchema(api: string, method: string, pathTemplate: string): SpecValidator | undefined {
    const spec = this.api(api);
    const found = spec.operation(method, pathTemplate);
    if (!found) throw new Error(`${api}: no operation ${method.toUpperCase()} ${pathTemplate}`);
    const body = found.op.requestBody ? spec.deref(found.op.requestBody, found.file) : undefined;
    return body ? spec.mediaSchema(body.value.content, body.file) : undefined;
  }

  /**
   * The response body schema for a status, or undefined when the spec documents that status
   * without a body (e.g. 204) or does not document it at all (check `documentsStatus`).
   */
  responseSchema(
    api: string,
    method: string,
    pathTemplate: string,
    status: number,
  ): SpecValidator | undefined {
    const spec = this.api(api);
    const found = spec.response(method, pathTemplate, status);
    return found ? spec.mediaSchema(found.response.content, found.file) : undefined;
  }

  documentsStatus(api: string, method: string, pathTemplate: string, status: number): boolean {
    return this.api(api).response(method, pathTemplate, status) !== undefined;
  }

  /** A validator for one schema file of an API, e.g. `schemas/retrieve/def3/retrieve_response.json`. */
  schemaFile(api: string, relativePath: string): SpecValidator {
    const spec = this.api(api);
    return spec.validatorFor({ $ref: `./${relativePath}` }, join(spec.dir, 'application.yaml'));
  }

  /** The API's generic error body schema (`{code, message}`), for platform errors every endpoint can return. */
  errorSchema(api: string): SpecValidator {
    const spec = this.api(api);
    for (const { method, pathTemplate } of spec.operations()) {
      for (const status of [400, 403, 404]) {
        const validator = this.responseSchema(api, method, pathTemplate, status);
        if (validator) return validator;
      }
    }
    throw new Error(`${api}: no error response schema found`);
  }

  /** HMRC's example request bodies for an operation (the `examples` under requestBody). */
  exampleRequests(api: string, method: string, pathTemplate: string): ExampleRequest[] {
    const spec = this.api(api);
    const found = spec.operation(method, pathTemplate);
    if (!found?.op.requestBody) return [];
    const body = spec.deref(found.op.requestBody, found.file);
    const out: ExampleRequest[] = [];
    for (const media of Object.values((body.value.content ?? {}) as Json)) {
      if (!isObj(media) || !isObj(media.examples)) continue;
      for (const [name, example] of Object.entries(media.examples)) {
        const ex = spec.deref(example, body.file);
        const value = ex.value.value;
        try {
          out.push({
            name,
            body:
              isObj(value) && typeof value.$ref === 'string'
                ? spec.resolveRef(value.$ref, ex.file).value
                : value,
          });
        } catch (err) {
          out.push({ name, body: undefined, unreadable: (err as Error).message });
        }
      }
    }
    return out;
  }

  /**
   * Every error code the spec lists for an API: all codes under any operation's error responses
   * (with their statuses and operations), plus any defined in common/errors.yaml but not
   * referenced by an operation. Pass method and pathTemplate to get one operation's codes only.
   */
  errorCatalogue(api: string, method?: string, pathTemplate?: string): ErrorCodeEntry[] {
    const spec = this.api(api);
    const entries = new Map<
      string,
      { statuses: Set<number>; messages: Set<string>; operations: Set<string> }
    >();
    const note = (code: string, message: unknown, status?: number, operation?: string) => {
      let e = entries.get(code);
      if (!e) {
        e = { statuses: new Set(), messages: new Set(), operations: new Set() };
        entries.set(code, e);
      }
      if (typeof message === 'string') e.messages.add(message);
      if (status !== undefined) e.statuses.add(status);
      if (operation) e.operations.add(operation);
    };
    const ops = spec
      .operations()
      .filter(
        (o) =>
          (!method || o.method === method.toLowerCase()) &&
          (!pathTemplate || o.pathTemplate === pathTemplate),
      );
    for (const o of ops) {
      const found = spec.operation(o.method, o.pathTemplate);
      if (!found) continue;
      for (const [statusKey, raw] of Object.entries((found.op.responses ?? {}) as Json)) {
        const status = Number(statusKey);
        if (!(status >= 400)) continue;
        const { value: response, file } = spec.deref(raw, found.file);
        for (const media of Object.values((response.content ?? {}) as Json)) {
          if (!isObj(media) || !isObj(media.examples)) continue;
          for (const [name, example] of Object.entries(media.examples)) {
            const ex = spec.deref(example, file).value;
            const value = isObj(ex.value) ? ex.value : undefined;
            const operation = `${o.method.toUpperCase()} ${o.pathTemplate}`;
            if (value && typeof value.code === 'string')
              note(value.code, value.message, status, operation);
            // Some examples are named with a code that differs from the code in their value
            // (IC trigger's 422 "NO_VALID_INCOME_SOURCES" shows RULE_INCOME_SOURCES_INVALID);
            // the name is kept too, since either may be what the live API sends.
            if (/^[A-Z][A-Z0-9_]+$/.test(name) && name !== value?.code)
              note(name, value?.message, status, operation);
          }
        }
      }
    }
    if (!method && !pathTemplate) {
      const common = readSpecFile(join(spec.dir, 'common/errors.yaml')) as Json;
      const examples =
        (isObj(common.components) ? (common.components.examples as Json) : undefined) ?? {};
      for (const example of Object.values(examples)) {
        const value = isObj(example) && isObj(example.value) ? example.value : undefined;
        if (value && typeof value.code === 'string') note(value.code, value.message);
      }
    }
    return [...entries.entries()]
      .map(([code, e]) => ({
        code,
        statuses: [...e.statuses].sort(),
        messages: [...e.messages],
        operations: [...e.operations].sort(),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Error codes listed for an API (or one operation), sorted. */
  errorCodes(api: string, method?: string, pathTemplate?: string): string[] {
    return this.errorCatalogue(api, method, pathTemplate).map((e) => e.code);
  }
}
