import type { DeclarationKind } from '@shared/ipc/channels/year-end-declaration';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../../hmrc/hmrc-service';
import { classifyFailure } from '../../sync/classify-failure';
import type { DeclarationItem, DeclarationStore, Receipt } from './declaration-store';

/**
 * Sends a final declaration (or confirms an amendment) from the outbox: POST with exactly the
 * agreed calculation id ([IC] submit_final_declaration.yaml, reference §5.7 step 5). A POST is
 * not idempotent, so an item found `sending` (a crash between sending and HMRC's answer) is
 * first resolved by asking HMRC what it holds (List calculations filtered by the declaration
 * type); only if HMRC holds nothing for that calculation is it sent again, and a repeat answered
 * RULE_FINAL_DECLARATION_RECEIVED is checked the same way: if HMRC holds it for our calculation
 * it is the success it looks like. The receipt is recorded once (UNIQUE per outbox item).
 */
export type Checkpoint = (step: string) => void;

export type SendOutcome =
  | { kind: 'accepted'; receipt: Receipt }
  | { kind: 'failed'; error: { code: string; message: string; action: string } }
  | { kind: 'unknown'; error: { code: string; message: string; action: string } };

const ALREADY_RECEIVED = 'RULE_FINAL_DECLARATION_RECEIVED';

/** Whether HMRC lists this calculation as declared (or confirmed): its answer, or undefined. */
async function hmrcHolds(
  client: Pick<HmrcAccountClient, 'calculations'>,
  nino: string,
  item: DeclarationItem,
): Promise<{ held: boolean; otherId?: string; correlationId: string }> {
  try {
    const { data, correlationId } = await client.calculations.list(nino, item.taxYear, {
      calculationType: item.declaration,
    });
    const ids = data.calculations
      .filter((c) => c.calculationType === item.declaration)
      .map((c) => c.calculationId);
    const held = ids.includes(item.calculationId);
    return {
      held,
      ...(!held && ids[0] && item.declaration === 'final-declaration' ? { otherId: ids[0] } : {}),
      correlationId: correlationId ?? 'unknown',
    };
  } catch (error) {
    if (isHmrcError(error) && error.status === 404) return { held: false, correlationId: 'none' };
    throw error;
  }
}

export async function sendDeclaration(deps: {
  store: DeclarationStore;
  client: Pick<HmrcAccountClient, 'calculations'>;
  nino: string;
  profileId: string;
  environment: string;
  now: () => Date;
  checkpoint?: Checkpoint;
  item: DeclarationItem;
}): Promise<SendOutcome> {
  const { store, client, nino, item } = deps;
  const step = deps.checkpoint ?? (() => undefined);
  const nowIso = () => deps.now().toISOString();
  const accept = (correlationId: string, how: 'answered' | 'confirmed'): SendOutcome => {
    const receipt = store.accept(item.id, {
      correlationId,
      how,
      profileId: deps.profileId,
      environment: deps.environment,
      now: nowIso(),
    });
    step('recorded');
    return { kind: 'accepted', receipt };
  };
  const refuse = (error: { code: string; message: string; action: string }): SendOutcome => {
    store.markFailed(item.id, error, nowIso());
    step('recorded');
    return { kind: 'failed', error };
  };
  const declaredElsewhere = (otherId: string) =>
    refuse({
      code: 'DECLARED_WITH_OTHER_CALCULATION',
      message: `HMRC already holds a final declaration for ${item.taxYear}, made with a different calculation (${otherId}).`,
      action: 'Nothing more was sent. To change it, amend the return.',
    });

  try {
    // Interrupted before: find out what HMRC holds before anything is sent again.
    if (item.state === 'sending') {
      step('recovering');
      const holds = await hmrcHolds(client, nino, item);
      step('recovery-answered');
      if (holds.held) return accept(holds.correlationId, 'confirmed');
      if (holds.otherId) return declaredElsewhere(holds.otherId);
    }
    store.markSending(item.id, nowIso());
    step('marked-sending');
    const result = await client.calculations.submitFinalDeclaration(
      nino,
      item.taxYear,
      item.calculationId,
      item.declaration satisfies DeclarationKind,
    );
    step('answered');
    return accept(result.correlationId ?? 'unknown', 'answered');
  } catch (error) {
    step('answered');
    if (isHmrcError(error) && error.code === ALREADY_RECEIVED) {
      const holds = await hmrcHolds(client, nino, item);
      if (holds.held) return accept(holds.correlationId, 'confirmed');
      return declaredElsewhere(holds.otherId ?? 'unknown');
    }
    const failure = classifyFailure(error);
    const plain = {
      code: failure.error.code,
      message: failure.error.message,
      action: failure.error.action,
    };
    if (failure.kind === 'failed') return refuse(plain);
    // No answer (or HMRC busy, or the link needs renewing): HMRC may or may not hold it. The
    // item stays `sending`; the next attempt asks HMRC first.
    return {
      kind: 'unknown',
      error: {
        ...plain,
        action:
          'Ledgerlink will ask HMRC whether it received the declaration before sending anything again. Select Try again when you are back online.',
      },
    };
  }
}
