/**
 * How the repository's clients launch the server: without the variables that make Node do work the
 * server never needs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverEnvironment } from '../../server/src/launch';

describe('launch: the server environment', () => {
  it('keeps the environment and leaves NODE_EXTRA_CA_CERTS out of the server process', () => {
    const environment = serverEnvironment({ PATH: process.env.PATH, KEEP: 'yes', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' });
    assert.equal(environment.KEEP, 'yes');
    assert.ok('NODE_EXTRA_CA_CERTS' in environment, 'set to undefined, so that a client laying it over its own environment drops it too');
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify([process.env.KEEP, process.env.NODE_EXTRA_CA_CERTS ?? null]))'], {
      env: environment,
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(child.stdout), ['yes', null]);
  });
});
