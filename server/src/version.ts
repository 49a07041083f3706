/** The package version, for --version, SARIF and the server's serverInfo. test/unit/manifest.test.ts keeps it equal to package.json's. */
export const VERSION = '0.1.0';
