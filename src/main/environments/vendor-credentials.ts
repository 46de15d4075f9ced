import type { VendorCredentials } from './hmrc-environments';

type Credentials = Partial<Record<'sandbox' | 'production', VendorCredentials>>;

/**
 * The vendor's HMRC Developer Hub applications, from `MAIN_VITE_HMRC_<SANDBOX|PRODUCTION>_*`:
 * the desktop build has them injected at build time (electron-vite exposes MAIN_VITE_*
 * variables); the browser mode, which runs from the checkout, reads the same names from its
 * environment at start. HMRC documents no public-client mode, so the app carries its secret
 * (reference §2.7; RFC 8252 §8.5 notes it is not confidential). Absent → that environment is
 * shown as unavailable and Practice HMRC stays the default.
 */
export function vendorCredentialsFrom(env: Record<string, string | undefined>): Credentials {
  const read = (prefix: 'SANDBOX' | 'PRODUCTION'): VendorCredentials | undefined => {
    const clientId = env[`MAIN_VITE_HMRC_${prefix}_CLIENT_ID`]?.trim();
    const clientSecret = env[`MAIN_VITE_HMRC_${prefix}_CLIENT_SECRET`]?.trim();
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
