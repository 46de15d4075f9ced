import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type PracticeHmrc, startPracticeHmrc } from './server';

/**
 * `npm run practice-hmrc -- [--port N] [--data FILE] [--sandbox-default]`: runs Practice HMRC until Ctrl-C and prints
 * what a person or a test needs to use it.
 */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function describe(p: PracticeHmrc, dataFile: string | undefined): string {
  const lines = [
    'Practice HMRC — nothing here is sent to HMRC',
    '',
    `Base URL:        ${p.baseUrl}`,
    `Authorise:       ${p.baseUrl}/oauth/authorize`,
    `Token:           ${p.baseUrl}/oauth/token`,
    `State:           ${dataFile ? `kept in ${dataFile}` : 'in memory only (use --data FILE to keep it)'}`,
    '',
    'Registered application',
    `  client_id:     ${p.client.clientId}`,
    `  client_secret: ${p.client.clientSecret}   (practice only, not confidential)`,
    '  redirect URIs:',
    ...p.client.redirectUris.map((u) => `    ${u}`),
    '',
    'Practice users (user ID / password)',
  ];
  for (const u of p.testUsers) {
    lines.push(
      `  ${u.userId} / ${u.password}  ${u.kind === 'agent' ? 'agent' : 'individual'}: ${u.name}${u.nino ? ` (NINO ${u.nino})` : ''}`,
    );
    lines.push(`      ${u.description}`);
    const statuses = Object.entries(u.itsaStatuses ?? {});
    if (statuses.length > 0)
      lines.push(`      ITSA status: ${statuses.map(([y, st]) => `${y} ${st}`).join('; ')}`);
    if (u.taxRegime === 'scotland') lines.push('      Scottish taxpayer');
    for (const b of u.businesses ?? []) {
      lines.push(
        `      ${b.businessId} ${b.typeOfBusiness}${b.tradingName ? ` "${b.tradingName}"` : ''}, ${b.quarterlyPeriodType} quarters`,
      );
    }
    for (const c of u.clients ?? [])
      lines.push(`      client ${c.nino} ${c.name}: ${c.relationship} agent`);
  }
  lines.push('', 'Press Ctrl-C to stop.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      'sandbox-default': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0-65535, not ${values.port}`);
  const dataFile = values.data ? resolve(values.data) : undefined;
  const practice = await startPracticeHmrc({
    port,
    ...(dataFile ? { dataFile } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(values['sandbox-default'] ? { withoutScenario: 'sandbox-default' as const } : {}),
  });
  print(describe(practice, dataFile));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void practice.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
