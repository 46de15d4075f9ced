import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import { isAllowedExternalUrl, type ExternalUrlPolicy } from './external-url-policy';

/** The raw capability, provided by the Electron layer (shell.openExternal) or the browser host. */
export type OpenInSystemBrowser = (url: string) => Promise<void>;

export interface ExternalOpener {
  /** The only way anything in the app opens a URL outside it. */
  open(url: string): Promise<void>;
  isAllowed(url: string): boolean;
  policy(): ExternalUrlPolicy;
}

export function createExternalOpener(deps: {
  openInSystemBrowser: OpenInSystemBrowser;
  policy: () => ExternalUrlPolicy;
  logger: Logger;
}): ExternalOpener {
  const isAllowed = (url: string) => isAllowedExternalUrl(url, deps.policy());
  return {
    isAllowed,
    policy: deps.policy,
    async open(url) {
      if (!isAllowed(url)) {
        let origin = 'invalid URL';
        try {
          origin = new URL(url).origin;
        } catch {
          /* keep the placeholder */
        }
        deps.logger.warn('Refused to open a URL outside the allow-list', { origin });
        throw new AppError(
          'EXTERNAL_URL_REFUSED',
          'Ledgerlink only opens HMRC and GOV.UK pages in your browser.',
          'If you expected a page to open, report it from the Diagnostics page.',
        );
      }
      await deps.openInSystemBrowser(url);
    },
  };
}
