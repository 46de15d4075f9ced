import type { Environment } from '@shared/ipc/channels/settings';

/** The vendor's Developer Hub application for one HMRC environment. */
export interface VendorCredentials {
  clientId: string;
  clientSecret: string;
  /** The redirect URIs registered for this application, in the order the app should try them. */
  redirectUris: string[];
}

/**
 * Everything the app needs to talk to one HMRC-shaped authorization and API server. This is
 * the only place endpoints, the issuer, credentials and transport security come from: the
 * OAuth client, the token provider and the HMRC API client all read it, and nothing decides
 * by the environment's name.
 */
export interface EnvironmentDefinition {
  id: Environment;
  /** Browser host for /oauth/authorize (reference §1, §2.1). */
  authorizeUrl: string;
  /** /oauth/token, for the code exchange and refreshes (reference §2.4, §2.6). */
  tokenUrl: string;
  /** Base of every API call (reference §1). */
  apiBaseUrl: string;
  /**
   * The `iss` the authorization server puts on its redirect (RFC 9207 §2). When set, a
   * callback must carry exactly this value (§2.4: required once the server advertises it).
   * Absent: the server does not advertise it, and an `iss` on the callback is not checked
   * (RFC 9207 §2.4 leaves that to the client when there is nothing to compare with).
   */
  issuer?: string;
  credentials: VendorCredentials;
  /**
   * Plain http for these endpoints. Only for servers on this computer (loopback), where
   * nothing crosses a network; anything else is refused when the definition is checked.
   */
  allowPlainHttp: boolean;
}

/** RFC 8252 §8.3's loopback addresses, plus the name `localhost` (RFC 6761 §6.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** Why a definition cannot be used; thrown at start-up, never at a person mid-task. */
export class InvalidEnvironmentDefinition extends Error {
  constructor(id: Environment, reason: string) {
    super(`Environment ${id}: ${reason}`);
    this.name = 'InvalidEnvironmentDefinition';
  }
}

/**
 * Checks a definition before anything uses it: every endpoint an absolute URL without
 * credentials or a fragment, https unless plain http is allowed, and plain http allowed only
 * when every endpoint is on loopback (HMRC itself is TLS only, reference §1; RFC 6749 §3.1,
 * §3.2 require TLS for the authorization and token endpoints).
 */
export function checkEnvironmentDefinition(def: EnvironmentDefinition): EnvironmentDefinition {
  const urls: [string, string][] = [
    ['authorizeUrl', def.authorizeUrl],
    ['tokenUrl', def.tokenUrl],
    ['apiBaseUrl', def.apiBaseUrl],
  ];
  const invalid = (reason: string) => new InvalidEnvironmentDefinition(def.id, reason);
  for (const [name, raw] of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw invalid(`${name} is not an absolute URL`);
    }
    if (url.username || url.password) throw invalid(`${name} carries credentials`);
    if (url.hash) throw invalid(`${name} has a fragment`);
    if (url.protocol === 'https:') continue;
    if (url.protocol !== 'http:') throw invalid(`${name} is neither https nor http`);
    if (!def.allowPlainHttp) throw invalid(`${name} is plain http, which is not allowed`);
    if (!isLoopbackHost(url.hostname))
      throw invalid(`${name} is plain http to ${url.hostname}, which is not on this computer`);
  }
  if (def.allowPlainHttp && !urls.every(([, raw]) => isLoopbackHost(new URL(raw).hostname)))
    throw invalid('plain http is allowed only when every endpoint is on this computer');
  if (def.issuer !== undefined) {
    // RFC 9207 §2: the issuer identifier is an https URL (RFC 8414 §2); loopback servers may
    // use http like their endpoints.
    let issuer: URL;
    try {
      issuer = new URL(def.issuer);
    } catch {
      throw invalid('issuer is not an absolute URL');
    }
    const secure =
      issuer.protocol === 'https:' ||
      (issuer.protocol === 'http:' && def.allowPlainHttp && isLoopbackHost(issuer.hostname));
    if (!secure || issuer.search || issuer.hash)
      throw invalid('issuer must be an https URL without query or fragment');
  }
  if (!def.credentials.clientId || !def.credentials.clientSecret)
    throw invalid('the vendor credentials are incomplete');
  if (def.credentials.redirectUris.length === 0) throw invalid('no redirect URI is registered');
  return def;
}
