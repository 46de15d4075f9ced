import {
  FRAUD_HEADER_NAMES,
  type FraudFacts,
  type FraudHeaderName,
  type FraudHeaderValues,
} from './build-headers';

export type FraudHeaderState = 'sent' | 'sent-empty' | 'not-sent';

export interface ExplainedFraudHeader {
  name: FraudHeaderName;
  /** The exact value on the wire (percent-encoded); undefined when the header is not sent. */
  value: string | undefined;
  state: FraudHeaderState;
  /** One line, in plain English: what it is, or why it is empty or missing. */
  reason: string;
}

/** What each header tells HMRC, for the Diagnostics page. */
const WHAT_IT_IS: Record<FraudHeaderName, string> = {
  'Gov-Client-Connection-Method':
    'Ledgerlink runs on this computer and talks to HMRC directly, with no server in between.',
  'Gov-Client-Device-ID':
    'A random identifier Ledgerlink created for this computer the first time it ran, kept in its data folder.',
  'Gov-Client-Local-IPs': "This computer's network addresses, read just before each request.",
  'Gov-Client-Local-IPs-Timestamp': 'When those network addresses were read (UTC).',
  'Gov-Client-MAC-Addresses': "The hardware addresses of this computer's network adapters.",
  'Gov-Client-Multi-Factor':
    'Sent empty: Ledgerlink has no sign-in of its own, so there is no multi-factor check to report.',
  'Gov-Client-Screens': 'The size, scaling and colour depth of each screen.',
  'Gov-Client-Timezone': "This computer's time zone right now.",
  'Gov-Client-User-Agent': "This computer's operating system, its maker and its model.",
  'Gov-Client-User-IDs':
    'The account you are signed in to this computer with. Ledgerlink has no accounts of its own.',
  'Gov-Client-Window-Size': 'The size of the Ledgerlink window.',
  'Gov-Vendor-License-IDs':
    'Sent empty: Ledgerlink is free and has no licence keys, so there is nothing to send.',
  'Gov-Vendor-Product-Name': 'The name of this app.',
  'Gov-Vendor-Version': 'This version of Ledgerlink.',
};

/** Why a header could not be sent on this computer. */
function whyMissing(name: FraudHeaderName): string {
  switch (name) {
    case 'Gov-Client-Local-IPs':
      return 'Not sent: this computer reported no network addresses.';
    case 'Gov-Client-MAC-Addresses':
      return 'Not sent: this computer reported no network adapter hardware addresses.';
    case 'Gov-Client-Screens':
      return 'Not sent: the screen sizes are not known yet (they are read from the open window).';
    case 'Gov-Client-Window-Size':
      return 'Not sent: the Ledgerlink window size is not known yet.';
    case 'Gov-Client-User-IDs':
      return 'Not sent: the operating system did not say who is signed in.';
    default:
      return 'Not sent: no value is available on this computer.';
  }
}

/** Names the parts of the user agent this computer does not report, if any. */
function userAgentGaps(facts: FraudFacts): string | undefined {
  const missing = [
    facts.device.manufacturer ? undefined : 'maker',
    facts.device.model ? undefined : 'model',
  ].filter((m): m is string => m !== undefined);
  if (missing.length === 0) return undefined;
  return ` This computer does not report its ${missing.join(' or ')} (for example a virtual machine without firmware details), so ${missing.length === 1 ? 'that part is' : 'those parts are'} left out rather than guessed.`;
}

export function explainFraudHeaders(
  values: FraudHeaderValues,
  facts: FraudFacts,
): ExplainedFraudHeader[] {
  return FRAUD_HEADER_NAMES.map((name) => {
    const value = values[name];
    if (value === undefined) {
      return { name, value, state: 'not-sent' as const, reason: whyMissing(name) };
    }
    let reason = WHAT_IT_IS[name];
    if (name === 'Gov-Client-User-Agent') reason += userAgentGaps(facts) ?? '';
    return {
      name,
      value,
      state: value === '' ? ('sent-empty' as const) : ('sent' as const),
      reason,
    };
  });
}
