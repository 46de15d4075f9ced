import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  activeOf,
  forgetMissingProfiles,
  isKeyOfProfile,
  profileKey,
  profilesQueryKey,
} from '@renderer/app/use-active-profile';
import { forProfile, snapshotKey } from '@renderer/features/profiles/use-profile-data';
import type { ProfilesView } from '@shared/ipc/channels/profiles';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const view = (ids: string[], activeId: string | null): ProfilesView => ({
  environment: 'practice',
  environmentLabel: 'Practice HMRC',
  now: '2026-11-29T00:00:00.000Z',
  activeId,
  profiles: ids.map((id) => ({
    id,
    name: id === A ? 'Carys Clarke' : 'Dev Desai',
    nino: id === A ? 'AC100003C' : 'AE100004D',
    kind: 'client',
    environment: 'practice',
    accountId: null,
    account: null,
    agentRole: 'main',
    createdAt: '2026-11-29T00:00:00.000Z',
    authorisation: { status: 'unknown' },
    hmrc: {},
  })),
});

describe('renderer caches keyed by profile', () => {
  it('keys every profile-scoped answer under its own profile, so switching can never return another’s', async () => {
    expect(profileKey(A, 'hmrc-snapshot')).toEqual(['profile', A, 'hmrc-snapshot']);
    expect(snapshotKey(B)).toEqual(['profile', B, 'hmrc-snapshot']);
    expect(isKeyOfProfile(snapshotKey(A), A)).toBe(true);
    expect(isKeyOfProfile(snapshotKey(A), B)).toBe(false);

    const client = new QueryClient();
    client.setQueryData(snapshotKey(A), { profileId: A, businesses: ['Clarke Catering'] });
    // Switching to B: B's key has nothing cached, so a screen shows "loading", never A's data.
    expect(client.getQueryData(snapshotKey(B))).toBeUndefined();
    const fetched = await client.fetchQuery({
      queryKey: snapshotKey(B),
      queryFn: async () => ({ profileId: B, businesses: ['UK property'] }),
    });
    expect(fetched.businesses).toEqual(['UK property']);
    expect(client.getQueryData(snapshotKey(A))).toEqual({
      profileId: A,
      businesses: ['Clarke Catering'],
    });
  });

  it('shows data only under the profile it was fetched for', () => {
    expect(forProfile({ profileId: A, x: 1 }, { id: A })).toEqual({ profileId: A, x: 1 });
    expect(forProfile({ profileId: A, x: 1 }, { id: B })).toBeUndefined();
    expect(forProfile(undefined, { id: B })).toBeUndefined();
  });

  it('forgets a deleted profile’s answers, and the active profile comes from the one list', () => {
    const client = new QueryClient();
    client.setQueryData(snapshotKey(A), { profileId: A });
    client.setQueryData(snapshotKey(B), { profileId: B });
    client.setQueryData(profilesQueryKey, view([A, B], A));
    forgetMissingProfiles(client, view([B], B));
    expect(client.getQueryData(snapshotKey(A))).toBeUndefined();
    expect(client.getQueryData(snapshotKey(B))).toEqual({ profileId: B });
    expect(client.getQueryData(profilesQueryKey)).toBeDefined();
    expect(activeOf(view([A, B], B))?.name).toBe('Dev Desai');
    expect(activeOf(view([A, B], null))).toBeNull();
  });

  it('uses profileKey for every query and mutation key in the profile screens (no hand-made keys)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
      });
    const offenders = [
      ...files('src/renderer/src/features/profiles'),
      ...files('src/renderer/src/features/onboarding'),
      'src/renderer/src/app/ProfileSwitcher.tsx',
    ].flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:queryKey|mutationKey):\s*([^,}\n]+)/g)]
        .map((m) => m[1]!.trim())
        .filter(
          (k) =>
            !/^(profileKey\(|snapshotKey\(|profilesQueryKey|overviewQueryKey|overviewOpenKey)/.test(
              k,
            ),
        )
        .map((k) => `${f}: ${k}`),
    );
    expect(offenders).toEqual([]);
  });
});
