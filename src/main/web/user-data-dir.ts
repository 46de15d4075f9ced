import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` gives the desktop app (its appData folder and
 * the productName), so both shells keep the same profiles, ledgers and settings.
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  const product = 'Ledgerlink';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', product);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), product);
}
