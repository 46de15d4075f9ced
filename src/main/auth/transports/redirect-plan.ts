import { APP_SCHEME } from '@shared/app/identity';
import type { TransportId, TransportOption } from '@shared/ipc/channels/auth';

/** One registered redirect URI and how its callback reaches the app. */
export type RedirectRoute =
  /** `app.ledgerlink.desktop:/oauth/callback` (RFC 8252 §7.1): the OS hands us the URL. */
  | { transport: 'custom-scheme'; redirectUri: string; viaRelay: false }
  /**
   * An https page the vendor hosts (assets/oauth-relay) that forwards to the custom scheme:
   * HMRC does not register custom schemes (reference §2.8), so HMRC environments need it.
   */
  | { transport: 'custom-scheme'; redirectUri: string; viaRelay: true }
  /** `http://localhost:<port>/…` (RFC 8252 §7.3; HMRC requires the word `localhost`). */
  | { transport: 'loopback'; redirectUri: string; port: number; path: string }
  /** `urn:ietf:wg:oauth:2.0:oob`: HMRC shows the code and the person pastes it. */
  | { transport: 'manual'; redirectUri: string };

/** How a registered redirect URI can be used, or null for one the app cannot serve. */
export function classifyRedirectUri(uri: string): RedirectRoute | null {
  if (uri === 'urn:ietf:wg:oauth:2.0:oob' || uri === 'urn:ietf:wg:oauth:2.0:oob:auto') {
    return { transport: 'manual', redirectUri: uri };
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.hash || url.username || url.password) return null;
  if (url.protocol === `${APP_SCHEME}:`) {
    return { transport: 'custom-scheme', redirectUri: uri, viaRelay: false };
  }
  if (url.protocol === 'https:')
    return { transport: 'custom-scheme', redirectUri: uri, viaRelay: true };
  if (url.protocol === 'http:' && url.hostname === 'localhost' && url.port !== '') {
    return { transport: 'loopback', redirectUri: uri, port: Number(url.port), path: url.pathname };
  }
  return null;
}

export interface TransportPlan {
  /** Each transport once, in the order its first redirect URI was registered. */
  options: TransportOption[];
  /** The first available transport, the one used unless the person picks another. */
  defaultTransport: TransportId | null;
  /** The redirect URIs to try for a transport, in registered order (loopback: each port). */
  routes(transport: TransportId): RedirectRoute[];
}

const LABELS: Record<TransportId, string> = {
  'custom-scheme': 'Straight back to Ledgerlink',
  loopback: 'Through a page on this computer',
  manual: 'Copy and paste a code',
};

const describe = (route: RedirectRoute): string => {
  switch (route.transport) {
    case 'custom-scheme':
      return route.viaRelay
        ? 'After you grant authority, a Ledgerlink page passes HMRC’s answer to the app. Your browser may ask whether to open Ledgerlink.'
        : 'After you grant authority, your browser hands HMRC’s answer to Ledgerlink. It may ask whether to open Ledgerlink.';
    case 'loopback':
      return 'After you grant authority, your browser sends HMRC’s answer to Ledgerlink through a local address on this computer (localhost).';
    case 'manual':
      return 'After you grant authority, HMRC shows a code. Copy it and paste it here.';
  }
};

/**
 * Chooses the ways back from an environment's registered redirect URIs, in their registered
 * order (issue 4 item 2). The custom scheme needs the OS registration (Electron's
 * setAsDefaultProtocolClient); without it that option is shown but not offered.
 */
export function planTransports(
  redirectUris: readonly string[],
  capabilities: { deepLinksAvailable: boolean },
): TransportPlan {
  const routes = redirectUris.flatMap((u) => {
    const r = classifyRedirectUri(u);
    return r ? [r] : [];
  });
  const options: TransportOption[] = [];
  for (const route of routes) {
    if (options.some((o) => o.id === route.transport)) continue;
    const viaRelay = route.transport === 'custom-scheme' && route.viaRelay;
    const available = route.transport !== 'custom-scheme' || capabilities.deepLinksAvailable;
    options.push({
      id: route.transport,
      label: LABELS[route.transport],
      description: describe(route),
      available,
      viaRelay,
      ...(available
        ? {}
        : {
            unavailableReason:
              'This computer has not registered Ledgerlink to open app.ledgerlink.desktop links.',
          }),
    });
  }
  return {
    options,
    defaultTransport: options.find((o) => o.available)?.id ?? null,
    routes: (transport) => routes.filter((r) => r.transport === transport),
  };
}
