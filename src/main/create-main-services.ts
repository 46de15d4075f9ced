import { join } from 'node:path';
import { OAUTH_CALLBACK_PATH, RENDERER_ORIGIN } from '@shared/app/identity';
import { registerAppIpc } from './app-info/register-app-ipc';
import { registerAgentPractice } from './agents/register-agent-practice';
import type { PdfPrinter } from './agents/sign-off/pdf-printer';
import { createHmrcAccountStore, type HmrcAccountStore } from './auth/hmrc-accounts';
import { createLinkService, type LinkService } from './auth/link-service';
import { createOAuthClient } from './auth/oauth-client';
import { resolveTarget } from './auth/oauth-target';
import { registerAuthIpc } from './auth/register-auth-ipc';
import { createTokenService, type TokenService } from './auth/token-provider';
import {
  startLoopbackListener,
  type StartLoopbackListener,
} from './auth/transports/loopback-listener';
import type { HostDescription } from './app-info/security-report';
import { systemClock, type Clock } from './clock/clock';
import { createDeepLinkRouter, type DeepLinkRouter } from './deep-links/deep-link-router';
import {
  createEnvironmentRuntime,
  type EnvironmentRuntime,
} from './environments/environment-runtime';
import type { EnvironmentDefinition } from './environments/environment-definition';
import type { DisplaySource, MachineFacts } from './hmrc/fraud-prevention/machine-facts';
import { nodeMachineFacts } from './hmrc/fraud-prevention/node-machine-facts';
import { createHmrcService, type HmrcService } from './hmrc/hmrc-service';
import type { RateLimiter } from './hmrc/rate-limiter';
import { registerHmrcIpc } from './hmrc/register-hmrc-ipc';
import { clearStaging, stagingRootOf } from './ledger';
import { createProfilesService, type ProfilesService } from './profiles/profiles-service';
import { registerProfilesIpc } from './profiles/register-profiles-ipc';
import { cancelledFileDialogs, type FileDialogs } from './records-ipc/file-dialogs';
import { registerRecordsIpc } from './records-ipc/register-records-ipc';
import { registerReviewIpc } from './review/register-review-ipc';
import { registerYearEndFigures } from './year-end/register-year-end-figures';
import { createOtherIncomeService } from './year-end/other-income/other-income-service';
import { registerOtherIncomeIpc } from './year-end/other-income/register-other-income-ipc';
import { createReviewService, type ReviewService } from './review/review-service';
import { createSwitchableNetwork, type NetworkStatus } from './sync/network-status';
import { registerSyncIpc } from './sync/register-sync-ipc';
import { createSyncService, type SyncService } from './sync/sync-service';
import { countUnsyncedRecords } from './sync/unsynced-records';
import type { PracticeLauncher } from './environments/practice-endpoint';
import { createIpcRouter, type IpcRouter } from './ipc/ipc-router';
import { createLogger, type LogSink, type Logger } from './logging/logger';
import { registerSettingsIpc } from './settings/register-settings-ipc';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import {
  createExternalOpener,
  type ExternalOpener,
  type OpenInSystemBrowser,
} from './shell/external-opener';
import { ALLOWED_HTTPS_HOSTS } from './shell/external-url-policy';
import type { KeyValueStoreFactory } from './storage/key-value-store';
import { unavailableKeychain, type Keychain } from './vault/keychain';
import { createTokenVault } from './vault/token-vault';
import type { DeclarationService } from './year-end/declaration/declaration-service';
import {
  resumeInterruptedDeclarations,
  type ResumeReport,
} from './year-end/declaration/interrupted-declarations';
import { registerYearEndDeclaration } from './year-end/register-year-end-declaration';

/**
 * Everything the services need from the outside world. The Electron layer provides these
 * from Electron and the OS; the browser host and tests provide Node versions. Nothing in
 * here may be an Electron type.
 */
export interface MainAdapters {
  host: HostDescription;
  paths: { userData: string };
  logSink: LogSink;
  openInSystemBrowser: OpenInSystemBrowser;
  keyValueStore: KeyValueStoreFactory;
  launchPractice: PracticeLauncher;
  /** Origins whose top-level frames may call main (app://ledgerlink, the dev server, the host). */
  rendererOrigins?: string[];
  /**
   * HMRC's sandbox and live service as this build defines them (`hmrcEnvironments()` from the
   * vendor's credentials); absent = unavailable. Tests may define either as any HMRC-shaped
   * server on loopback.
   */
  hmrcEnvironments?: Partial<Record<'sandbox' | 'production', EnvironmentDefinition>>;
  clock?: Clock;
  /** The OS keychain for the vault's master key (keytar). Absent: tokens are session-only. */
  keychain?: Keychain;
  /**
   * Whether the OS will hand `app.ledgerlink.desktop:` URLs to this app (Electron's
   * setAsDefaultProtocolClient succeeded; the browser host injects them). Default false.
   */
  deepLinksAvailable?: boolean;
  /** Only for tests that must not bind the registered loopback ports. */
  startLoopbackListener?: StartLoopbackListener;
  /** Only for tests: the HTTP client for HMRC's token endpoint. */
  oauthFetch?: typeof fetch;
  /**
   * Only for tests: the application's one HMRC rate limiter, e.g. on a virtual clock so that
   * spacing requests never depends on how busy the machine is. Default: real time.
   */
  hmrcRateLimiter?: RateLimiter;
  /**
   * The device facts behind the fraud prevention headers (OS user, network, OS and hardware
   * identity). Default: read from this machine through Node.
   */
  machineFacts?: MachineFacts;
  /** Screens and the main window's size (Electron's `screen`; the page in the browser host). */
  display?: DisplaySource;
  /**
   * Whether the computer is online (Electron: `net.isOnline()`, polled; the browser host and
   * tests switch it). Default: always online. Offline, sync explains instead of sending.
   */
  network?: NetworkStatus;
  /**
   * The OS open and save dialogs, and opening a stored receipt (Electron's `dialog` and
   * `shell`; the browser host queues answers). Default: every dialog is cancelled.
   */
  fileDialogs?: FileDialogs;
  /**
   * Waiting as HMRC advises before asking for a calculation (real timers by default). Tests
   * pass one that moves Practice HMRC's clock instead, so nothing waits on the wall clock.
   */
  sleep?: (ms: number) => Promise<void>;
  /** Prints the client sign-off pack to PDF (Electron's printToPDF); absent: the browser prints. */
  pdfPrinter?: PdfPrinter;
  /** Only for tests: called at each step of sending a final declaration (crash points). */
  declarationCheckpoint?: (step: string) => void;
}

export interface MainServices {
  ipc: IpcRouter;
  deepLinks: DeepLinkRouter;
  opener: ExternalOpener;
  settings: SettingsService;
  environments: EnvironmentRuntime;
  logger: Logger;
  clock: Clock;
  /** The HMRC accounts (sign-ins holding a token): non-secret metadata. */
  accounts: HmrcAccountStore;
  /** Access tokens for HMRC calls (single-flight refresh); also "Refresh now". */
  tokens: TokenService;
  /** The linking journey (issue 4). */
  link: LinkService;
  /** The HMRC API client: `hmrc.forAccount(id)` for every HMRC call (issue 5). */
  hmrc: HmrcService;
  /**
   * Taxpayer profiles (issue 6): `list()`, `active()`, `setActive(id)`, `ledger(id)` (the
   * profile's open ledger), `hmrcFor(id)` (its HMRC client with supporting-agent limits) …
   */
  profiles: ProfilesService;
  /** Review before syncing (issue 8): prepare, check and approve cumulative updates. */
  review: ReviewService;
  /** The outbox, sync, receipts (submission log) and the tax estimate (issue 8). */
  sync: SyncService;
  /** The year end: HMRC's final calculation, the declaration and amendments. */
  declaration: DeclarationService;
  /** Start-up's finishing of declarations a crash left `sending` (settles once it is done). */
  declarationsResumed: Promise<ResumeReport>;
  dispose(): Promise<void>;
}

/**
 * The composition root of the main process, in plain Node: the Electron layer's index.ts
 * only builds adapters and calls this. Later capabilities add themselves here.
 */
export async function createMainServices(adapters: MainAdapters): Promise<MainServices> {
  const clock = adapters.clock ?? systemClock;
  const logger = createLogger(adapters.logSink, { now: () => clock.now() });
  const rendererOrigins = adapters.rendererOrigins ?? [RENDERER_ORIGIN];

  const ipc = createIpcRouter({
    logger: logger.child('ipc'),
    trustedOrigins: () => rendererOrigins,
  });
  const deepLinks = createDeepLinkRouter(logger.child('deep-links'));
  const settings = createSettingsService(adapters.keyValueStore('settings'));
  const environments = createEnvironmentRuntime({
    settings,
    launchPractice: adapters.launchPractice,
    definitions: adapters.hmrcEnvironments ?? {},
    logger: logger.child('environments'),
  });
  const opener = createExternalOpener({
    openInSystemBrowser: adapters.openInSystemBrowser,
    logger: logger.child('shell'),
    policy: () => ({
      httpsHosts: ALLOWED_HTTPS_HOSTS,
      loopbackOrigins: environments.loopbackOrigins(),
    }),
  });

  registerAppIpc(ipc, {
    host: adapters.host,
    settings,
    opener,
    dataFolder: adapters.paths.userData,
  });
  registerSettingsIpc(ipc, { settings, environments });

  const network = adapters.network ?? createSwitchableNetwork(true);
  const authLogger = logger.child('auth');
  const accounts = createHmrcAccountStore(adapters.keyValueStore('hmrc-accounts'));
  const vault = createTokenVault({
    keychain: adapters.keychain ?? unavailableKeychain(),
    store: adapters.keyValueStore('token-vault'),
    logger: logger.child('vault'),
  });
  const oauthClient = createOAuthClient(adapters.oauthFetch ? { fetch: adapters.oauthFetch } : {});
  const target = (env: Parameters<typeof resolveTarget>[1]) =>
    resolveTarget(environments, env, authLogger);
  const tokens = createTokenService({
    accounts,
    vault,
    oauth: oauthClient,
    target,
    clock,
    logger: authLogger.child('tokens'),
  });
  const link = createLinkService({
    environments,
    opener,
    vault,
    accounts,
    oauth: oauthClient,
    target,
    clock,
    logger: authLogger.child('link'),
    deepLinksAvailable: adapters.deepLinksAvailable ?? false,
    startLoopbackListener: adapters.startLoopbackListener ?? startLoopbackListener,
    emit: (view) => {
      // HMRC's token endpoint just answered: the computer is online (a loopback Practice HMRC
      // answering proves nothing about the network).
      if (view.phase === 'linked' && view.environment !== 'practice') network.answered?.();
      ipc.emit('auth.progress', view);
    },
  });
  const unsubscribeCallbacks = deepLinks.subscribe(OAUTH_CALLBACK_PATH, (url) => {
    link.receiveCallback(url.params, 'custom-scheme');
  });
  const stopAccountEvents = registerAuthIpc(ipc, {
    link,
    accounts,
    tokens,
    vault,
    opener,
    clock,
    logger: authLogger,
  });

  // Every HMRC call goes through this one client (issue 5); one rate limiter for the app.
  const hmrc = createHmrcService({
    accounts,
    tokens,
    environments,
    machine: adapters.machineFacts ?? nodeMachineFacts(),
    display: adapters.display,
    store: adapters.keyValueStore('hmrc-client'),
    appVersion: adapters.host.appVersion,
    logger: logger.child('hmrc'),
    now: () => clock.now(),
    ...(adapters.hmrcRateLimiter ? { limiter: adapters.hmrcRateLimiter } : {}),
  });
  const stopHmrcEvents = registerHmrcIpc(ipc, { hmrc, environments, now: () => clock.now() });

  // Taxpayer profiles (issue 6): one ledger file per profile under <userData>/profiles/.
  const profiles = createProfilesService({
    userDataDir: adapters.paths.userData,
    accounts,
    hmrc,
    environment: () => settings.environment(),
    onEnvironmentChange: (listener) => settings.onEnvironmentChange(listener),
    clock,
    logger: logger.child('profiles'),
    onChanged: (view) => ipc.emit('profiles.changed', view),
    onRefreshProgress: (progress) => ipc.emit('profiles.refreshProgress', progress),
  });
  registerProfilesIpc(ipc, profiles);

  // Digital records (issue 7): the IPC adapter over each profile's ledger. Archives are built
  // and unpacked in a private staging folder; whatever a crash left there goes first.
  const stagingRoot = stagingRootOf(adapters.paths.userData);
  await clearStaging(stagingRoot);
  registerRecordsIpc(ipc, {
    profiles,
    files: adapters.fileDialogs ?? cancelledFileDialogs,
    clock,
    logger: logger.child('records'),
    profilesDir: join(adapters.paths.userData, 'profiles'),
    stagingRoot,
  });

  // Review and sync (issue 8): the outbox and submission log live in each profile's ledger.
  const review = createReviewService({
    profiles,
    network,
    clock,
    logger: logger.child('review'),
  });
  registerReviewIpc(ipc, review);
  // Savings, dividends, pension contributions and Gift Aid: their own outbox, sent by the sync run.
  const otherIncome = createOtherIncomeService({
    profiles,
    clock,
    logger: logger.child('other-income'),
    emitChanged: (profileId) => ipc.emit('sync.changed', { profileId }),
  });
  registerOtherIncomeIpc(ipc, otherIncome);
  const sync = createSyncService({
    extraOutboxes: [otherIncome.outbox],
    profiles,
    accountLinked: (accountId) => {
      const account = accounts.get(accountId);
      return account !== undefined && account.status !== 'relink-needed';
    },
    network,
    anchorStore: adapters.keyValueStore('submission-log-anchors'),
    settingsStore: adapters.keyValueStore('sync-settings'),
    clock,
    logger: logger.child('sync'),
    emitProgress: (run) => ipc.emit('sync.progress', run),
    emitChanged: (profileId) => {
      review.forgetHmrcCopies(profileId);
      // The overview's "Last synced" and "Needs attention" come from the registry, not ledgers.
      profiles.keepSyncSummary(profileId);
      ipc.emit('sync.changed', { profileId });
    },
    emitNetwork: (view) => ipc.emit('sync.network', view),
  });
  registerSyncIpc(ipc, sync);
  const yearEndFigures = registerYearEndFigures({
    ipc,
    profiles,
    network,
    clock,
    logger: logger.child('year-end'),
  });
  profiles.useUnsyncedRecordCounter(countUnsyncedRecords);

  // The year end: final calculation, declaration, final declaration, amendments.
  const { declaration, interrupted } = registerYearEndDeclaration({
    ipc,
    profiles,
    accountLabel: (accountId) => accounts.get(accountId)?.label,
    marksStore: adapters.keyValueStore('year-end-declarations'),
    clock,
    logger: logger.child('year-end'),
    ...(adapters.sleep ? { sleep: adapters.sleep } : {}),
    ...(adapters.declarationCheckpoint ? { checkpoint: adapters.declarationCheckpoint } : {}),
  });
  // The agent's practice: authorisation requests, roles from HMRC, client sign-off packs.
  registerAgentPractice({
    ipc,
    adapters,
    hmrc,
    accounts,
    settings,
    profiles,
    review,
    annual: yearEndFigures.annual,
    declaration,
    clock,
  });

  // Practice HMRC is the default environment: have it running before the first window asks.
  if (settings.environment() === 'practice') await environments.ensurePractice();
  // A declaration a crash left `sending` is finished now, not only when Send is pressed again.
  const declarationsResumed = resumeInterruptedDeclarations({
    marks: interrupted,
    exists: (profileId) => profiles.get(profileId) !== undefined,
    canReachHmrc: (profileId) => {
      const accountId = profiles.get(profileId)?.accountId;
      const account = accountId ? accounts.get(accountId) : undefined;
      return account !== undefined && account.status !== 'relink-needed';
    },
    network,
    resume: (profileId) => declaration.resumeInterrupted(profileId),
    logger: logger.child('year-end'),
  });

  return {
    ipc,
    deepLinks,
    opener,
    settings,
    environments,
    logger,
    clock,
    accounts,
    tokens,
    link,
    hmrc,
    profiles,
    review,
    sync,
    declaration,
    declarationsResumed,
    async dispose() {
      await declarationsResumed;
      sync.dispose();
      // A run cut short still finishes its bookkeeping (the outbox, the overview's note):
      // the ledgers and the registry close only after it has.
      await sync.idle();
      profiles.dispose();
      unsubscribeCallbacks();
      stopAccountEvents();
      stopHmrcEvents();
      await link.dispose();
      await environments.dispose();
    },
  };
}
