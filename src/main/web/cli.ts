/**
 * `npm run browser-host`: the app without the Electron shell, for a person to click through
 * in any browser (build the renderer first with `npm run build`).
 */
import { startBrowserHost } from './start-browser-host';

const host = await startBrowserHost({ echoLogs: true });
console.log(`Ledgerlink (browser host) at ${host.url}`);
console.log(`Data folder: ${host.dataDir}`);
const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
