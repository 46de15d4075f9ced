import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveManifest } from '../profile-archive';
import { archiveInvalid } from './archive-errors';
import { ARCHIVE_DATABASE, ARCHIVE_MANIFEST } from './archive-names';
import type { UnpackOutcome } from './unpack-archive';

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  createdAt: z.string().max(40),
  schemaVersion: z.int().min(1).max(10_000),
  files: z
    .array(
      z
        .object({
          path: z.string().min(1).max(1000),
          size: z.int().min(0),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
        })
        .strict(),
    )
    .max(1_000_000),
});

/**
 * Reads the manifest and checks it against what was unpacked: every file Ledgerlink knows is
 * listed with the size and SHA-256 it has, and every file listed is there (a file Ledgerlink
 * does not know may be listed; it is left out either way and reported).
 */
export async function checkManifest(
  unpackDir: string,
  unpacked: UnpackOutcome,
): Promise<ArchiveManifest> {
  if (!unpacked.files.has(ARCHIVE_MANIFEST)) throw archiveInvalid('it has no manifest.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(unpackDir, ARCHIVE_MANIFEST), 'utf8'));
  } catch (cause) {
    throw archiveInvalid('its manifest cannot be read.', cause);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw archiveInvalid('its manifest is not one Ledgerlink wrote.');
  const manifest = result.data;
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) {
    throw archiveInvalid('its manifest lists a file twice.');
  }
  const skipped = new Set(unpacked.skipped);
  for (const file of manifest.files) {
    const found = unpacked.files.get(file.path);
    if (!found) {
      if (skipped.has(file.path)) continue;
      throw archiveInvalid(`${file.path.slice(0, 120)} is missing.`);
    }
    if (found.size !== file.size || found.sha256 !== file.sha256) {
      throw archiveInvalid(`${file.path.slice(0, 120)} has been changed or damaged.`);
    }
  }
  for (const path of unpacked.files.keys()) {
    if (path !== ARCHIVE_MANIFEST && !listed.has(path)) {
      throw archiveInvalid(`${path.slice(0, 120)} is not listed in the manifest.`);
    }
  }
  if (!unpacked.files.has(ARCHIVE_DATABASE)) throw archiveInvalid('it has no records database.');
  return manifest;
}
