import { AppError } from '../../ipc/app-error';
import type { FixedBy } from './error-catalogue';

/** One error as HMRC's APIs return it: `{code, message, paths?}` (reference §3.6). */
export interface HmrcErrorItem {
  code: string;
  message: string;
  /** JSON pointers into the request body, on field errors. */
  paths?: string[] | undefined;
}

/**
 * An HMRC call that failed, in words a person can act on. It is an AppError, so the IPC
 * wrapper passes it to the renderer as `{ code, message, action, correlationId, fields }`;
 * main-process callers (sync) also get the HTTP status, who can fix it, and HMRC's own
 * errors unchanged.
 */
export class HmrcError extends AppError {
  readonly status: number | undefined;
  readonly fixedBy: FixedBy;
  readonly hmrcErrors: HmrcErrorItem[];

  constructor(init: {
    code: string;
    message: string;
    action: string;
    fixedBy: FixedBy;
    status?: number;
    correlationId?: string;
    retryAt?: string;
    fields?: { path: string; message: string }[];
    hmrcErrors?: HmrcErrorItem[];
  }) {
    super(init.code, init.message, init.action, {
      ...(init.correlationId ? { correlationId: init.correlationId } : {}),
      ...(init.retryAt ? { retryAt: init.retryAt } : {}),
      ...(init.fields && init.fields.length > 0 ? { fields: init.fields } : {}),
    });
    this.name = 'HmrcError';
    this.status = init.status;
    this.fixedBy = init.fixedBy;
    this.hmrcErrors = init.hmrcErrors ?? [];
  }

  get correlationId(): string | undefined {
    return this.details.correlationId;
  }
}

export const isHmrcError = (e: unknown): e is HmrcError => e instanceof HmrcError;
