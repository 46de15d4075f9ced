import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID, APP_SCHEME, PRODUCT_NAME } from '@shared/app/identity';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped YAML document, checked by schema below
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

// Packaging cannot run here (electron-builder downloads Electron), so this is the check that
// the config is valid and complete before it reaches a machine that can package.
describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = require('app-builder-lib/scheme.json');
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app as src/shared/app/identity.ts does', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
  });

  it('declares the sign-in scheme so every OS hands its URLs to the app', () => {
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: [APP_SCHEME] })]);
  });

  it('targets NSIS, dmg, AppImage and deb', () => {
    const targets = (t: unknown) =>
      (t as { target: string }[] | string[]).map((x) => (typeof x === 'string' ? x : x.target));
    expect(targets(config.win.target)).toContain('nsis');
    expect(targets(config.mac.target)).toContain('dmg');
    expect(targets(config.linux.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('packs into asar with the native modules unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.join(' ')).toMatch(/keytar/);
    expect(config.asarUnpack.join(' ')).toMatch(/better-sqlite3/);
    expect(config.files).toContain('out/**');
  });

  it('flips the Electron fuses after packing', () => {
    expect(config.afterPack).toBe('build/after-pack.cjs');
    const { FUSES } = require('../../../build/after-pack.cjs');
    const { FuseV1Options } = require('@electron/fuses');
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });
});
