/** The package version, sent in `User-Agent: setec-hosting/<version>`. A test keeps it equal to package.json's. */
export const VERSION = '0.2.0';
