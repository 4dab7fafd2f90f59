/**
 * Jest in ESM mode: NestJS 12 packages are ESM-only, which Jest's CommonJS mode cannot load on Node 20.
 * Type-checking is `npm run typecheck`'s job; here ts-jest only transpiles.
 */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // apps/web has its own runner (Vitest, `npm run test:web`)
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        useESM: true,
        tsconfig: { module: 'esnext', moduleResolution: 'bundler', isolatedModules: true, sourceMap: true },
      },
    ],
    // content-disposition 3 is ESM-only but required by @fastify/static (CommonJS): compile it to CommonJS for Jest.
    '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { useESM: false, tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
};
