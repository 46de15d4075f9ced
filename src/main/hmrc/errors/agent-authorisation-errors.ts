/** The catalogue's entry shape (error-catalogue.ts spreads these in; no import back, no cycle). */
interface CatalogueEntry {
  message: string;
  action: string;
  fixedBy: 'you' | 'hmrc' | 'ledgerlink';
}

/**
 * Agent Authorisation's own codes [agent-authorisation-api examples/errors/*.json;
 * application.yaml components.responses], in plain English for the agent who sees them. The
 * VAT-only codes are listed so an unexpected answer still reads well. The API platform codes
 * this API shares (BAD_REQUEST, ACCEPT_HEADER_INVALID, INTERNAL_SERVER_ERROR, UNAUTHORIZED) are
 * in the main catalogue.
 */
const LEDGERLINK_FAULT =
  'This is a fault in Ledgerlink, not in your records. Report it from the Diagnostics page, quoting the reference below.';
const ledgerlink = (message: string): CatalogueEntry => ({
  message,
  action: LEDGERLINK_FAULT,
  fixedBy: 'ledgerlink',
});
const CHECK_CLIENT =
  'Check the National Insurance number and postcode with the client (the postcode must be the one HMRC holds for them), then try again.';

export const AGENT_AUTHORISATION_ERRORS: Record<string, CatalogueEntry> = {
  SERVICE_NOT_SUPPORTED: ledgerlink('HMRC does not offer that service for authorisation requests.'),
  CLIENT_TYPE_NOT_SUPPORTED: ledgerlink(
    'HMRC does not accept that kind of client for this service.',
  ),
  CLIENT_ID_DOES_NOT_MATCH_SERVICE: ledgerlink(
    'HMRC expected a National Insurance number for Making Tax Digital for Income Tax.',
  ),
  CLIENT_ID_FORMAT_INVALID: {
    message: 'HMRC says the National Insurance number is not in the right form.',
    action: CHECK_CLIENT,
    fixedBy: 'you',
  },
  POSTCODE_FORMAT_INVALID: {
    message: 'HMRC says the postcode is not in the right form.',
    action: 'Enter a UK postcode like SW1A 2AA, or a BFPO number, then try again.',
    fixedBy: 'you',
  },
  AGENT_TYPE_NOT_SUPPORTED: ledgerlink('HMRC does not accept that kind of agent role.'),
  VAT_REG_DATE_FORMAT_INVALID: ledgerlink('HMRC expected a VAT registration date in another form.'),
  NOT_AN_AGENT: {
    message: 'HMRC says the account you linked is not an agent services account.',
    action: 'Link Ledgerlink with your agent services account (as an agent), then try again.',
    fixedBy: 'you',
  },
  AGENT_NOT_SUBSCRIBED: {
    message: 'HMRC says your agent services account is not set up for this service.',
    action:
      'Sign in to your agent services account on GOV.UK and finish setting it up, then try again.',
    fixedBy: 'you',
  },
  NO_PERMISSION_ON_AGENCY: {
    message:
      'HMRC says the Agent Reference Number does not belong to the agent account you linked.',
    action:
      'Check your Agent Reference Number on the Clients page (it is on your agent services account), then try again.',
    fixedBy: 'you',
  },
  CLIENT_REGISTRATION_NOT_FOUND: {
    message:
      'HMRC has no client with these details signed up to Making Tax Digital for Income Tax.',
    action: CHECK_CLIENT,
    fixedBy: 'you',
  },
  POSTCODE_DOES_NOT_MATCH: {
    message: 'The postcode does not match the one HMRC holds for this client.',
    action:
      'Ask the client for the postcode HMRC has for them (their main home address), then try again.',
    fixedBy: 'you',
  },
  DUPLICATE_AUTHORISATION_REQUEST: {
    message: 'You have already asked this client, and the request is waiting for their answer.',
    action: 'Send the client the link of the request already listed, or cancel it and ask again.',
    fixedBy: 'you',
  },
  ALREADY_AUTHORISED: {
    message: 'This client has already authorised you in this role.',
    action: 'There is nothing to ask: check the relationship on the Clients page instead.',
    fixedBy: 'you',
  },
  ALREADY_BEING_PROCESSED: {
    message: 'HMRC is still processing an earlier request for this client.',
    action: 'Try again in a few minutes.',
    fixedBy: 'hmrc',
  },
  INVITATION_NOT_FOUND: {
    message: 'HMRC cannot find this authorisation request.',
    action: 'Refresh the list of requests; it may be older than the 30 days HMRC keeps.',
    fixedBy: 'you',
  },
  INVALID_INVITATION_STATUS: {
    message:
      'This request can no longer be cancelled: the client has answered it, or it has expired.',
    action: 'Refresh the list of requests to see where it stands.',
    fixedBy: 'you',
  },
  RELATIONSHIP_NOT_FOUND: {
    message: 'HMRC says you are not authorised to act for this client in this role.',
    action: 'Ask the client for authority from the Clients page, then check again.',
    fixedBy: 'you',
  },
  NO_RELATIONSHIP: {
    message: 'HMRC has no authority in this role for you to end.',
    action: 'Check the client’s role on the Clients page, then try again.',
    fixedBy: 'you',
  },
  VAT_CLIENT_INSOLVENT: ledgerlink('HMRC refused a VAT request, which Ledgerlink never sends.'),
  VAT_REG_DATE_DOES_NOT_MATCH: ledgerlink(
    'HMRC refused a VAT request, which Ledgerlink never sends.',
  ),
  AGENT_REFERENCE_FORMAT: {
    message: 'The Agent Reference Number is not in the form HMRC uses.',
    action: 'Enter it as a letter, then ARN, then 7 numbers, like XARN1234567.',
    fixedBy: 'you',
  },
  INVITATION_ID_FORMAT: ledgerlink(
    'Ledgerlink was about to ask HMRC for a request id it does not recognise.',
  ),
};
