/**
 * The app's identity, declared once and used everywhere (design.md "Identity").
 * electron-builder.yml repeats appId, productName and the scheme because YAML cannot import
 * this file; test/unit/packaging/builder-config.test.ts checks that the two agree.
 */
export const APP_ID = 'app.ledgerlink.desktop';
export const PRODUCT_NAME = 'Ledgerlink';

/** Private-use URI scheme: reverse-DNS of a domain we control (RFC 8252 §7.1). */
export const APP_SCHEME = 'app.ledgerlink.desktop';

/** Single slash after the scheme, as RFC 8252 §7.1 recommends for private-use schemes. */
export const OAUTH_CALLBACK_PATH = '/oauth/callback';
export const CUSTOM_SCHEME_REDIRECT_URI = `${APP_SCHEME}:${OAUTH_CALLBACK_PATH}`;

/** The renderer is served from this origin in packaged builds (Electron checklist item 18). */
export const RENDERER_SCHEME = 'app';
export const RENDERER_HOST = 'ledgerlink';
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://${RENDERER_HOST}`;
