/**
 * What the app knows about its own security settings, gathered by the host (the Electron
 * layer reads its live windows; the browser host reports what it enforces instead).
 */
export interface SecurityCheck {
  id: string;
  label: string;
  ok: boolean;
  detail: string;
}

export interface HostDescription {
  kind: 'electron' | 'browser';
  platform: string;
  appVersion: string;
  versions: { name: string; version: string }[];
  securityChecks(): SecurityCheck[];
}
