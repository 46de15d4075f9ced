import { defineConfig } from 'vitest/config';

// Two projects: unit (fast, fakes at the ports, `electron` mocked) and integration (real
// HTTP on 127.0.0.1, real SQLite files, the real OS keychain). `npm test` runs them in that order.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          // The built main bundle's electron-store imports `electron`: inlined, it gets the mock.
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: keep the keychain and the HTTP servers from fighting over them.
          maxWorkers: 2,
        },
      },
    ],
  },
});
