/**
 * A loader for HMRC's OAS specs (the multi-file specs in ../shared/hmrc-specs or HMRC_SPECS_DIR):
 * finds the folder, strips Handlebars feature-flag markers, parses YAML/JSON, resolves relative
 * `$ref`s across files and gives Ajv validators for request and response bodies, HMRC's
 * example requests and every error code an API lists. Tests that need it skip, saying why,
 * when the specs are absent:
 *
 *   const specs = loadHmrcSpecs();
 *   describe.skipIf(!specs.specs)(`... (${specs.reason})`, () => { ... });
 */
import { HmrcSpecs } from './hmrc-specs';
import { findSpecsDir } from './spec-files';

export { HmrcSpecs, PLATFORM_ERROR_CODES } from './hmrc-specs';
export type {
  ErrorCodeEntry,
  ExampleRequest,
  SchemaCheck,
  SpecOperation,
  SpecValidator,
} from './hmrc-specs';
export { findSpecsDir, readSpecFile, removeTrailingCommas, stripHandlebars } from './spec-files';

let loaded: { specs: HmrcSpecs | undefined; reason: string } | undefined;

/** The specs if present (cached), with the reason they were or were not found. */
export function loadHmrcSpecs(): { specs: HmrcSpecs | undefined; reason: string } {
  if (loaded) return loaded;
  const { dir, reason } = findSpecsDir();
  loaded = { specs: dir ? new HmrcSpecs(dir) : undefined, reason };
  return loaded;
}
