/**
 * Log redaction. Tokens, OAuth state, PKCE verifiers, codes and client secrets never reach a
 * log (design.md "Rules of the house"): values under these keys are replaced, and any string
 * registered as a secret at runtime is scrubbed wherever it appears.
 */
const SECRET_KEYS =
  /^(access_?token|refresh_?token|id_?token|token|client_?secret|code_?verifier|code|state|authorization|password|secret|master_?key)$/i;

export interface Redactor {
  /** Remember a secret value so it is scrubbed from every later log line. */
  addSecret(value: string): void;
  redact(value: unknown): unknown;
  redactText(text: string): string;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();

  const redactText = (text: string): string => {
    let out = text;
    for (const s of secrets)
      if (s.length >= 6 && out.includes(s)) out = out.split(s).join('[redacted]');
    // Bearer tokens and query-string secrets in URLs that slipped into messages.
    out = out.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]');
    out = out.replace(
      /([?&](?:code|state|code_verifier|access_token|refresh_token|client_secret)=)[^&\s#"']+/gi,
      '$1[redacted]',
    );
    return out;
  };

  const redact = (value: unknown, depth = 0): unknown => {
    if (depth > 6) return '[deep]';
    if (typeof value === 'string') return redactText(value);
    if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
    if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] =
          SECRET_KEYS.test(k) && v !== undefined && v !== null
            ? '[redacted]'
            : redact(v, depth + 1);
      }
      return out;
    }
    return value;
  };

  return {
    addSecret: (v) => {
      if (v) secrets.add(v);
    },
    redact: (v) => redact(v),
    redactText,
  };
}
