import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiProfile } from '@seatunnel-sim/engine';
import { LISTENER_DEFAULTS, resolveHttpSettings } from '../src/http/http-settings.js';

/** The 3.x keys of seatunnel.engine.http: upload limits from 3.0 (#12072), log-response-max-size-mb from 3.1 (its docs). */
describe('seatunnel.engine.http keys of 3.0 and 3.1', () => {
  const block = { 'upload-max-file-size-mb': 20, 'Upload-Max-Request-Size-MB': '30', 'log-response-max-size-mb': 64 };
  const warnings = (profile: '2.3.13' | '3.0' | '3.1'): string[] => {
    const result = resolveHttpSettings(block, apiProfile(profile).http, {}, 8443);
    assert.ok(result.ok);
    return result.http.warnings;
  };
  it('2.3.13 knows none of them', () => {
    assert.deepEqual(warnings('2.3.13'), ['Unrecognized element: upload-max-file-size-mb', 'Unrecognized element: upload-max-request-size-mb', 'Unrecognized element: log-response-max-size-mb']);
  });
  it('3.0 reads the upload limits only', () => {
    assert.deepEqual(warnings('3.0'), ['Unrecognized element: log-response-max-size-mb']);
  });
  it('3.1 reads all three', () => {
    assert.deepEqual(warnings('3.1'), []);
  });
  it('the listener is untouched by them', () => {
    const result = resolveHttpSettings(block, apiProfile('3.1').http, {}, 8443);
    assert.ok(result.ok && result.listener.port === LISTENER_DEFAULTS.port);
  });
});
