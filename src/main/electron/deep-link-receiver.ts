import type { App } from 'electron';
import { APP_SCHEME } from '@shared/app/identity';
import { extractDeepLinkFromArgv } from '../deep-links/extract-from-argv';
import type { DeepLinkSource } from '../deep-links/deep-link-router';

export interface DeepLinkReceiverDeps {
  deliver: (url: string, source: DeepLinkSource) => void;
  focusWindow: () => void;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * The app events the receiver listens to: a port that Electron's `app` satisfies (index.ts
 * passes it), so a test's stand-in is checked against the same events and arguments.
 */
export interface DeepLinkAppEvents {
  on(event: 'will-finish-launching', listener: () => void): unknown;
  on(
    event: 'open-url',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}

/**
 * Receives deep links on every OS and hands them to one place. Must be installed before
 * `ready`: macOS delivers the URL that launched the app through `open-url`, and a listener
 * added later misses it (Electron docs, app `open-url`; GitHub Desktop registers it in
 * `will-finish-launching`).
 */
export function installDeepLinkReceiver(
  app: DeepLinkAppEvents,
  argv: readonly string[],
  deps: DeepLinkReceiverDeps,
): void {
  const fromArgv = (args: readonly string[], source: DeepLinkSource) => {
    const found = extractDeepLinkFromArgv(args);
    if (found.kind === 'url') deps.deliver(found.url, source);
    else if (found.kind === 'rejected')
      deps.warn('Deep link on the command line refused', { source, reason: found.reason });
  };

  app.on('will-finish-launching', () => {
    app.on('open-url', (event, url) => {
      event.preventDefault();
      if (url.toLowerCase().startsWith(`${APP_SCHEME}:`)) deps.deliver(url, 'open-url');
      deps.focusWindow();
    });
  });

  // Windows and Linux: a second launch (the OS opening our URL) hands its argv to us.
  app.on('second-instance', (_event, commandLine) => {
    deps.focusWindow();
    fromArgv(commandLine, 'second-instance');
  });

  // Windows and Linux cold start: the URL that launched the app is in our own argv.
  fromArgv(argv, 'cold-start');
}

/**
 * Register as the OS handler for the scheme. In development Electron runs as `electron .`,
 * so the OS must be told to pass the app path too (Electron docs, deep links tutorial).
 */
export function registerProtocolClient(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  processInfo: { defaultApp: boolean; execPath: string; argv1?: string | undefined },
): boolean {
  if (processInfo.defaultApp && processInfo.argv1) {
    return app.setAsDefaultProtocolClient(APP_SCHEME, processInfo.execPath, [processInfo.argv1]);
  }
  return app.setAsDefaultProtocolClient(APP_SCHEME);
}
