import { writeFile } from 'node:fs/promises';
import type { HmrcAccountStore } from '../auth/hmrc-accounts';
import type { Clock } from '../clock/clock';
import type { HmrcService } from '../hmrc/hmrc-service';
import type { IpcRouter } from '../ipc/ipc-router';
import type { ProfilesService } from '../profiles/profiles-api';
import { cancelledFileDialogs, type FileDialogs } from '../records-ipc/file-dialogs';
import type { ReviewService } from '../review/review-service';
import type { SettingsService } from '../settings/settings-service';
import type { KeyValueStoreFactory } from '../storage/key-value-store';
import type { AnnualService } from '../year-end/annual/annual-service';
import type { DeclarationService } from '../year-end/declaration/declaration-service';
import { createAgentsService } from './agents-service';
import { createAgentsStore } from './agents-store';
import { registerAgentsIpc } from './register-agents-ipc';
import type { PdfPrinter } from './sign-off/pdf-printer';
import { createSignOffCarryOver } from './sign-off/sign-off-carry-over';
import { createSignOffRecords } from './sign-off/sign-off-records';
import { createSignOffService } from './sign-off/sign-off-service';

/** Builds the agent's practice services and registers `agents.*` (one line in the root). */
export function registerAgentPractice(deps: {
  ipc: IpcRouter;
  adapters: {
    keyValueStore: KeyValueStoreFactory;
    pdfPrinter?: PdfPrinter | undefined;
    fileDialogs?: FileDialogs | undefined;
  };
  hmrc: HmrcService;
  accounts: Pick<HmrcAccountStore, 'get'>;
  settings: Pick<SettingsService, 'environment'>;
  profiles: ProfilesService;
  review: Pick<ReviewService, 'prepare'>;
  annual: Pick<AnnualService, 'view' | 'prepare'>;
  declaration: Pick<DeclarationService, 'state' | 'recordClientApproval'>;
  clock: Clock;
}) {
  const agentsStore = createAgentsStore(deps.adapters.keyValueStore('agents'));
  // The overview's "needs attention" names a client whose role HMRC gave differently from the
  // profile's; it reads HMRC's roles from here and is told whenever an answer is kept.
  const rolesChanged = deps.profiles.useHmrcRoles(() => {
    const clients = agentsStore.clients();
    return (profileId) => clients[profileId]?.hmrcRole;
  });
  const agents = createAgentsService({
    store: {
      ...agentsStore,
      setClient: (profileId, facts) => {
        agentsStore.setClient(profileId, facts);
        rolesChanged();
      },
    },
    hmrc: deps.hmrc,
    profiles: deps.profiles,
    environment: () => deps.settings.environment(),
    clock: deps.clock,
  });
  // Approvals used to be kept in this JSON document; they now live in each client's ledger so
  // that they travel in the profile's archive. Carried over at start-up, and again for a
  // profile whose ledger could not be opened then, when its pack is next made.
  const carryOver = createSignOffCarryOver({
    store: deps.adapters.keyValueStore('agent-sign-offs'),
    ledgerOf: (profileId) =>
      deps.profiles.get(profileId) ? deps.profiles.ledger(profileId).database : undefined,
  });
  const carriedOver = carryOver.carryOverAll();
  const signOff = createSignOffService({
    profiles: deps.profiles,
    accountLabel: (id) => deps.accounts.get(id)?.label,
    review: deps.review,
    annual: deps.annual,
    declaration: deps.declaration,
    approvals: (profileId) => {
      carryOver.carryOver(profileId);
      return createSignOffRecords(deps.profiles.ledger(profileId).database);
    },
    clock: deps.clock,
    pdfPrinter: deps.adapters.pdfPrinter,
    files: deps.adapters.fileDialogs ?? cancelledFileDialogs,
    // The pack names the client: readable by the person only (0600).
    writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
  });
  registerAgentsIpc(deps.ipc, agents, signOff);
  return { agents, signOff, carriedOver };
}
