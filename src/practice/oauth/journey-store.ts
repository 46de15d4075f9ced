import { randomBytes, randomInt } from 'node:crypto';
import { type PracticeClock } from '../clock';
import { type AuthorizeRequest } from './authorize-request';
import { type FieldError } from './page-layout';

export type JourneyStep = 'start' | 'sign-in' | 'two-step' | 'identity' | 'grant' | 'done';

/** One person's walk through the grant journey, kept server-side under an opaque id. */
export interface Journey {
  id: string;
  request: AuthorizeRequest;
  step: JourneyStep;
  createdAt: number;
  userId?: string;
  accessCode: string;
  /** Errors and typed values to show once on the next page view (post/redirect/get). */
  errors: FieldError[];
  values: Record<string, string>;
  outcome?: { kind: 'granted'; code: string } | { kind: 'declined' };
}

/** Sign-in sessions time out; 30 minutes is ample for a person and keeps the map small. */
const JOURNEY_TTL_MS = 30 * 60 * 1000;

export class JourneyStore {
  private readonly journeys = new Map<string, Journey>();

  constructor(private readonly clock: PracticeClock) {}

  create(request: AuthorizeRequest): Journey {
    this.sweep();
    const journey: Journey = {
      id: randomBytes(18).toString('base64url'),
      request,
      step: 'start',
      createdAt: this.clock.now(),
      accessCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      errors: [],
      values: {},
    };
    this.journeys.set(journey.id, journey);
    return journey;
  }

  get(id: string): Journey | undefined {
    const journey = this.journeys.get(id);
    if (!journey) return undefined;
    if (this.clock.now() - journey.createdAt > JOURNEY_TTL_MS) {
      this.journeys.delete(id);
      return undefined;
    }
    return journey;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [id, j] of this.journeys)
      if (now - j.createdAt > JOURNEY_TTL_MS) this.journeys.delete(id);
  }
}
