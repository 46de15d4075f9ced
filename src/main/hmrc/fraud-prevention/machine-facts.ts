/**
 * The ports the fraud prevention headers read the device through. The desktop app fills them
 * from Node's `os` module and Electron's `screen`; the browser host from Node and the page;
 * unit tests from fixed values. Nothing here imports Node or Electron.
 */

/** One display as the OS reports it [FPH gov-client-screens]. */
export interface ScreenFacts {
  width: number;
  height: number;
  scalingFactor: number;
  /** Bits per pixel. */
  colourDepth: number;
}

export interface WindowFacts {
  width: number;
  height: number;
}

/** Electron's `screen.getAllDisplays()` and the main window's size, behind a port. */
export interface DisplaySource {
  screens(): ScreenFacts[];
  /** Undefined before the window exists. */
  window(): WindowFacts | undefined;
}

/** An address of one network interface, as `os.networkInterfaces()` lists it. */
export interface NetworkAddressFacts {
  address: string;
  family: 'IPv4' | 'IPv6';
  mac: string;
  internal: boolean;
}

export interface OsUserFacts {
  name: string;
  /** Windows domain (or machine name for a local account), as `whoami` shows it. */
  domain?: string;
}

export interface OperatingSystemFacts {
  family: string;
  version: string;
}

/** Undefined fields are values the device does not report (no placeholder is invented). */
export interface DeviceIdentityFacts {
  manufacturer?: string | undefined;
  model?: string | undefined;
}

export interface MachineFacts {
  /** Undefined when the OS will not say who is signed in. */
  osUser(): OsUserFacts | undefined;
  networkAddresses(): NetworkAddressFacts[];
  /** Minutes east of UTC at that instant (so daylight saving is right at request time). */
  timezoneOffsetMinutes(at: Date): number;
  operatingSystem(): Promise<OperatingSystemFacts>;
  deviceIdentity(): Promise<DeviceIdentityFacts>;
}
