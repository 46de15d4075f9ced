/**
 * Which URLs may leave the app for the system browser (Electron checklist item 15: never pass
 * untrusted content to shell.openExternal). Parsed with the URL parser, never prefix-matched
 * (checklist items 13–14).
 */
export const ALLOWED_HTTPS_HOSTS: readonly string[] = [
  'www.tax.service.gov.uk', // HMRC production grant journey (reference §1)
  'test-www.tax.service.gov.uk', // HMRC sandbox grant journey
  'www.gov.uk', // guidance, "Manage authorised applications"
  'developer.service.hmrc.gov.uk',
];

export interface ExternalUrlPolicy {
  httpsHosts: readonly string[];
  /** Exact origins on loopback that may be opened over http: the local Practice HMRC only. */
  loopbackOrigins: readonly string[];
}

export function isAllowedExternalUrl(raw: string, policy: ExternalUrlPolicy): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') {
    return url.port === '' && policy.httpsHosts.includes(url.hostname.toLowerCase());
  }
  if (url.protocol === 'http:') {
    const isLoopback =
      url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
    return isLoopback && policy.loopbackOrigins.includes(url.origin);
  }
  return false;
}
