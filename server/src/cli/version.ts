/** The package version, for --version, SARIF and the server's serverInfo. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
