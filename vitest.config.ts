import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The path aliases of tsconfig.base.json (electron.vite.config.ts declares the same).
const alias = {
  '@shared': resolve('src/shared'),
  '@renderer': resolve('src/renderer/src'),
};

// A hang guard, never a speed limit: tests wait on events, not clocks, and a busy 2-core CI
// machine can be many times slower than a quiet one (a property test took 8 s under load).
const HANG_GUARD_MS = 600_000;

// Two projects: unit (fast, fakes at the ports, `electron` mocked) and integration (real
// HTTP on 127.0.0.1, real SQLite files, the real OS keychain). `npm test` runs them in that order.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          // The built main bundle's electron-store imports `electron`: inlined, it gets the mock.
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
          // Two cores: keep the keychain and the HTTP servers from fighting over them.
          maxWorkers: 2,
        },
      },
    ],
  },
});
