import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { exportProfileArchive } from '../../src/main/ledger';
import {
  readArchive,
  withManifest,
  writeArchive,
} from '../integration/ledger/fixtures/craft-archive';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { openRecords, samsProfile, tempFolder } from './records-support';

/**
 * A profile whose records file has gone from this computer is never opened empty: the records
 * screen says what happened and offers the way back, and an archive restores the records (with
 * what it left out said plainly).
 */
test('a profile whose records are missing is restored from an archive', async ({ app, host }) => {
  const samId = await samsProfile(host);
  const sam = host.services.profiles.ledger(samId);
  sam.transactions.add({ date: '2025-05-01', description: 'Rent, May', amountPence: 95_000 });
  sam.transactions.add({
    date: '2025-05-09',
    description: 'Letting agent fee',
    amountPence: -11_400,
  });
  const dir = tempFolder();
  const archive = join(dir, 'dev-archive.zip');
  await exportProfileArchive({
    ledger: sam,
    outFile: archive,
    stagingRoot: join(host.dataDir, 'staging'),
  });
  // A file a profile does not keep rides along: it is left out, and the person is told.
  writeArchive(archive, withManifest({ ...readArchive(archive), 'notes.txt': strToU8('x') }));

  const dev = await host.services.profiles.create({
    kind: 'self',
    name: 'Dev Desai',
    nino: 'AE100004D',
    activate: true,
  });
  host.services.profiles.unsyncedRecordCount(dev.id); // opens (so creates) Dev's ledger once
  rmSync(join(host.dataDir, 'profiles', dev.id, 'ledger.sqlite'));

  await openRecords(app, host);
  await expect(app.getByRole('alert')).toContainText(
    'Dev Desai’s records are missing from this computer',
  );
  await expect(app.getByRole('alert')).toContainText('Restore the records from a profile archive');
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-missing-${scheme}`);
  }

  host.queueChosenFile(archive);
  await app.getByRole('button', { name: 'Restore from an archive…' }).click();
  await expect(
    app.getByText('Restored 2 records and 0 businesses from the archive.'),
  ).toBeVisible();
  await expect(
    app.getByText('Left out 1 file that a profile does not keep: notes.txt.'),
  ).toBeVisible();
  await expect(app.getByRole('grid', { name: 'Records' })).toHaveAttribute('aria-rowcount', '3');
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-restored-${scheme}`);
  }
});
