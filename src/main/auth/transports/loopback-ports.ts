import { AppError } from '../../ipc/app-error';
import type { Logger } from '../../logging/logger';
import type { LoopbackListener, LoopbackVerdict, StartLoopbackListener } from './loopback-listener';
import type { RedirectRoute } from './redirect-plan';

/**
 * Opens the one-shot listener on the first registered loopback port that is free (HMRC only
 * redirects to the exact ports registered for the application); refuses with
 * LOOPBACK_UNAVAILABLE when every one is taken.
 */
export async function listenOnFirstFreePort(
  routes: RedirectRoute[],
  deps: {
    startLoopbackListener: StartLoopbackListener;
    logger: Logger;
    timeoutMs: number;
    onCallback: (params: URLSearchParams) => LoopbackVerdict;
  },
): Promise<{ route: RedirectRoute; listener: LoopbackListener }> {
  const { logger } = deps;
  let lastError: unknown;
  for (const route of routes) {
    if (route.transport !== 'loopback') continue;
    try {
      const listener = await deps.startLoopbackListener({
        port: route.port,
        path: route.path,
        logger: logger.child('loopback'),
        timeoutMs: deps.timeoutMs,
        onCallback: deps.onCallback,
      });
      return { route, listener };
    } catch (error) {
      lastError = error;
      logger.warn('Loopback port unavailable, trying the next registered one', {
        port: route.port,
        code: (error as NodeJS.ErrnoException).code,
      });
    }
  }
  logger.warn('No registered loopback port is free', {
    code: (lastError as NodeJS.ErrnoException | undefined)?.code,
  });
  throw new AppError(
    'LOOPBACK_UNAVAILABLE',
    'Another program is using every port Ledgerlink may listen on for HMRC’s answer.',
    'Choose another way back to Ledgerlink, or close the other program and try again.',
  );
}
