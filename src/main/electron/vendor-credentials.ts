import type { VendorCredentials } from '../environments/hmrc-environments';

/**
 * The vendor's HMRC Developer Hub applications, injected at build time (electron-vite exposes
 * MAIN_VITE_* variables). HMRC documents no public-client mode, so a desktop build carries its
 * secret (reference §2.7; RFC 8252 §8.5 notes it is not confidential). Absent → that
 * environment is shown as unavailable and Practice HMRC stays the default.
 */
export function vendorCredentialsFromBuild(): Partial<
  Record<'sandbox' | 'production', VendorCredentials>
> {
  const env = (import.meta.env ?? {}) as unknown as Record<string, string | undefined>;
  const read = (prefix: 'SANDBOX' | 'PRODUCTION'): VendorCredentials | undefined => {
    const clientId = env[`MAIN_VITE_HMRC_${prefix}_CLIENT_ID`];
    const clientSecret = env[`MAIN_VITE_HMRC_${prefix}_CLIENT_SECRET`];
    const redirectUris = (env[`MAIN_VITE_HMRC_${prefix}_REDIRECT_URIS`] ?? '')
      .split(/\s+/)
      .filter(Boolean);
    return clientId && clientSecret && redirectUris.length > 0
      ? { clientId, clientSecret, redirectUris }
      : undefined;
  };
  const sandbox = read('SANDBOX');
  const production = read('PRODUCTION');
  return { ...(sandbox ? { sandbox } : {}), ...(production ? { production } : {}) };
}
