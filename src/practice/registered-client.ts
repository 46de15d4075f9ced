/**
 * The application registered with Practice HMRC, the way a developer registers one on HMRC's
 * Developer Hub. HMRC matches redirect URIs exactly and allows at most five. [reference §2.8]
 */
export const PRACTICE_CLIENT_ID = 'ledgerlink-practice';

/**
 * Deliberately not confidential: Practice HMRC is a local stand-in, this secret is printed on
 * start-up and committed here, and it protects nothing. HMRC still requires a client secret at the
 * token endpoint, so the app must send one, and Practice HMRC checks it. [reference §2.7]
 */
export const PRACTICE_CLIENT_SECRET = 'practice-secret-not-confidential';

export const PRACTICE_REDIRECT_URIS = [
  'app.ledgerlink.desktop:/oauth/callback',
  'http://localhost:53682/oauth/callback',
  'http://localhost:53683/oauth/callback',
  'http://localhost:53684/oauth/callback',
  'urn:ietf:wg:oauth:2.0:oob',
] as const;

/** The application's display name on the grant authority page. */
export const PRACTICE_APPLICATION_NAME = 'Ledgerlink';

/**
 * Scopes the practice application is subscribed to: the ITSA APIs use only the first two
 * [reference §2.9]; the Agent Authorisation API names its own, one per endpoint.
 * [agent-authorisation-api/application.yaml components.securitySchemes, paths.*.security]
 */
export const SUPPORTED_SCOPES = [
  'read:self-assessment',
  'write:self-assessment',
  'read:sent-invitations',
  'write:sent-invitations',
  'write:cancel-invitations',
  'read:check-relationship',
  'write:relationships',
] as const;

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  name: string;
}

export const PRACTICE_CLIENT: RegisteredClient = {
  clientId: PRACTICE_CLIENT_ID,
  clientSecret: PRACTICE_CLIENT_SECRET,
  redirectUris: [...PRACTICE_REDIRECT_URIS],
  name: PRACTICE_APPLICATION_NAME,
};
