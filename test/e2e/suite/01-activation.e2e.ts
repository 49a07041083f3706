/** The extension loads from its package, stays asleep until a served language opens, then starts the server. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OneLoginCodesApi } from '../../../client/src/extension';
import { EXTENSION_ID, open, until } from '../support/vscode';

describe('activation', () => {
  it('is not active before a served file opens (no "*" or workspace activation)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.isActive, false);
    const events = extension.packageJSON.activationEvents as string[];
    assert.ok(events.every((e) => e.startsWith('onLanguage:') || e.startsWith('onCommand:')), events.join(', '));
  });

  it('activates on a Java file and starts the language server', async () => {
    await open('java/OneLoginActivity.java');
    const extension = vscode.extensions.getExtension<OneLoginCodesApi>(EXTENSION_ID)!;
    await until('the extension to activate', () => extension.isActive);
    const api = extension.exports;
    await until('the language client to run', () => api.client.isRunning());
    assert.equal(api.client.initializeResult?.serverInfo?.name, 'onelogin-codes');
  });

  it('runs in this workspace without asking for trust, and declares untrusted and virtual workspace support', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });
});
