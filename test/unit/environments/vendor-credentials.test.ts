import { describe, expect, it } from 'vitest';
import { vendorCredentialsFrom } from '../../../src/main/environments/vendor-credentials';

describe('vendorCredentialsFrom', () => {
  it('reads each environment only when its id, secret and redirect URIs are all there', () => {
    expect(
      vendorCredentialsFrom({
        MAIN_VITE_HMRC_SANDBOX_CLIENT_ID: ' id ',
        MAIN_VITE_HMRC_SANDBOX_CLIENT_SECRET: 'secret',
        MAIN_VITE_HMRC_SANDBOX_REDIRECT_URIS:
          'app.ledgerlink.desktop:/oauth/callback   http://localhost:53682/oauth/callback',
        MAIN_VITE_HMRC_PRODUCTION_CLIENT_ID: 'live-id',
        MAIN_VITE_HMRC_PRODUCTION_CLIENT_SECRET: '',
        MAIN_VITE_HMRC_PRODUCTION_REDIRECT_URIS: 'http://localhost:53682/oauth/callback',
      }),
    ).toEqual({
      sandbox: {
        clientId: 'id',
        clientSecret: 'secret',
        redirectUris: [
          'app.ledgerlink.desktop:/oauth/callback',
          'http://localhost:53682/oauth/callback',
        ],
      },
    });
    expect(vendorCredentialsFrom({})).toEqual({});
  });
});
