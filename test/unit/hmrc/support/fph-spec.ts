import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSpecsDir } from '../../../support/hmrc-specs';

/**
 * HMRC's fraud prevention specification v3.3 (`fraud-prevention-headers/` beside the OAS specs):
 * the header list of the DESKTOP_APP_DIRECT page and the examples in each header's partial.
 */
export interface FphSpec {
  /** Header names listed on connection-method/desktop-app-direct, in order. */
  desktopAppDirectHeaders: string[];
  /** The connection method passed to the connection-method partial on that page. */
  connectionMethod: string;
  /** `Gov-…: value` examples from every partial, by header name. */
  examples: Map<string, string[]>;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

export function loadFphSpec(): { spec: FphSpec | undefined; reason: string } {
  const { dir, reason } = findSpecsDir();
  const root = dir ? join(dir, 'fraud-prevention-headers') : undefined;
  const page = root && join(root, 'connection-method/desktop-app-direct/index.html.md.erb');
  if (!root || !page || !existsSync(page)) {
    return {
      spec: undefined,
      reason: `HMRC's fraud prevention specification is not available (${reason})`,
    };
  }
  const index = readFileSync(page, 'utf8');
  const partials = [...index.matchAll(/partial 'connection-method\/partials\/([a-z-]+)'/g)].map(
    (m) => m[1]!,
  );
  const partialsDir = join(root, 'connection-method/partials');
  // Each partial names its header in its heading: <h3 id="gov-client-device-id">Gov-Client-Device-ID</h3>.
  const headerOf = (slug: string) =>
    /<h3 id="[^"]+">([^<]+)<\/h3>/.exec(
      readFileSync(join(partialsDir, `${slug}.erb`), 'utf8'),
    )?.[1] ?? slug;
  const examples = new Map<string, string[]>();
  for (const file of readdirSync(partialsDir)) {
    const text = readFileSync(join(partialsDir, file), 'utf8');
    for (const m of text.matchAll(/<pre><code>(Gov-[A-Za-z-]+): ([^<]*)<\/code><\/pre>/g)) {
      const list = examples.get(m[1]!) ?? [];
      list.push(decodeEntities(m[2]!));
      examples.set(m[1]!, list);
    }
  }
  const connectionMethod =
    /gov-client-connection-method', :locals => \{ :connection_method => '([A-Z_]+)'/.exec(
      index,
    )?.[1] ?? '';
  return {
    spec: {
      desktopAppDirectHeaders: partials.map(headerOf),
      connectionMethod,
      examples,
    },
    reason: `HMRC's fraud prevention specification found in ${root}`,
  };
}
