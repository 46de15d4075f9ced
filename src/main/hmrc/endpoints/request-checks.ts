import type { ZodType } from 'zod';
import { describeError } from '../errors/error-catalogue';
import { HmrcError } from '../errors/hmrc-error';

/**
 * Checks made before anything leaves the app: a value HMRC would refuse on format is refused
 * here with the same code HMRC would use, so no request (and no rate-limit slot) is wasted.
 */
export function pathParam(value: string, schema: ZodType<string>, code: string): string {
  if (!schema.safeParse(value).success) {
    throw new HmrcError({ code, ...describeError(code) });
  }
  return encodeURIComponent(value);
}

/** The body exactly as it will be sent, or REQUEST_NOT_VALID with each problem as a field. */
export function validBody<T>(schema: ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new HmrcError({
    code: 'REQUEST_NOT_VALID',
    ...describeError('REQUEST_NOT_VALID'),
    fields: parsed.error.issues.map((i) => ({
      path: `/${i.path.map(String).join('/')}`,
      message: i.message,
    })),
  });
}
