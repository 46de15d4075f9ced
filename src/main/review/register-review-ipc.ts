import type { IpcRouter } from '../ipc/ipc-router';
import type { ReviewService } from './review-service';

/** The `review.*` channels (src/shared/ipc/channels/review.ts). */
export function registerReviewIpc(router: IpcRouter, review: ReviewService): void {
  router.handle('review.list', ({ profileId, compareWithHmrc }) =>
    review.list(profileId, compareWithHmrc === undefined ? {} : { compareWithHmrc }),
  );
  router.handle('review.prepare', ({ compareWithHmrc, ...rest }) =>
    review.prepare({ ...rest, ...(compareWithHmrc === undefined ? {} : { compareWithHmrc }) }),
  );
  router.handle('review.approve', (request) => review.approve(request));
}
