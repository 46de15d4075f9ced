import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type PracticeStateData, type TaxpayerRecord, type UserRecord } from './model';

/**
 * In-memory state with an optional JSON data file. Writes are debounced (many API calls in a
 * burst cause one write) and atomic (temp file + rename), so a crash never leaves half a file.
 */
export class PracticeStore {
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    public data: PracticeStateData,
    private readonly dataFile?: string,
    private readonly debounceMs = 100,
  ) {}

  /** Loads the data file if it exists and holds Practice HMRC state; otherwise undefined. */
  static async readFile(dataFile: string): Promise<PracticeStateData | undefined> {
    let text: string;
    try {
      text = await readFile(dataFile, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const parsed = JSON.parse(text) as Partial<PracticeStateData>;
    if (parsed.version !== 1 || !Array.isArray(parsed.users)) {
      throw new Error(`${dataFile} is not a Practice HMRC data file (version 1)`);
    }
    // Early practice files kept plain tokens; such grants are dropped (the person links again).
    if (Array.isArray(parsed.grants)) {
      parsed.grants = parsed.grants.filter((g) => typeof g.accessTokenHash === 'string');
    }
    return parsed as PracticeStateData;
  }

  user(userId: string): UserRecord | undefined {
    return this.data.users.find((u) => u.userId === userId);
  }

  taxpayer(nino: string): TaxpayerRecord | undefined {
    return this.data.taxpayers[nino];
  }

  /** Marks the state changed; it is written to the data file shortly after. */
  changed(): void {
    if (!this.dataFile) return;
    this.dirty = true;
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.flush();
    }, this.debounceMs);
    this.saveTimer.unref();
  }

  /** Writes pending changes now (used on stop). */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    this.saving = this.saving.then(async () => {
      if (!this.dataFile || !this.dirty) return;
      this.dirty = false;
      await writeAtomically(this.dataFile, JSON.stringify(this.data, null, 2));
    });
    return this.saving;
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
