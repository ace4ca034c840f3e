import { defineConfig } from 'vitest/config';

const source = { conditions: ['source'] };

export default defineConfig({
  test: {
    projects: [
      { resolve: source, ssr: { resolve: source }, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      { resolve: source, ssr: { resolve: source }, test: { name: 'contracts', include: ['packages/contracts/src/**/*.test.ts'] } },
      {
        resolve: source,
        ssr: { resolve: source },
        test: { name: 'server', include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'], testTimeout: 20_000 },
      },
      { resolve: source, ssr: { resolve: source }, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
