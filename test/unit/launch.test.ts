/**
 * How the repository's clients launch the server: with V8's young generation sized for a big file's
 * first analysis, and without the variables that make Node do work the server never needs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SERVER_NODE_FLAGS, serverEnvironment } from '../../server/src/launch';

describe('launch: how clients start the server', () => {
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

  it('starts Node with a young generation of 16 MB, a flag this Node takes on its command line', () => {
    const child = spawnSync(
      process.execPath,
      [...SERVER_NODE_FLAGS, '-e', "process.stdout.write(String(require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size))"],
      { encoding: 'utf8' },
    );
    assert.equal(child.status, 0, child.stderr);
    assert.equal(Number(child.stdout), 16 * 1024 * 1024);
  });
});
