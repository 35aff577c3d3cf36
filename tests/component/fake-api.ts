/**
 * A whole ApiClient for component tests, built from the few methods a test implements. Each
 * implementation is checked against the contract's argument and result types; a call to any
 * other method rejects, naming it, so a panel that starts calling something new fails loudly.
 */
import type { ApiClient } from '../../renderer/api/client.js';
import { API_METHODS } from '../../shared/api/contract.js';

export function fakeApi(impl: Partial<ApiClient> = {}): ApiClient {
  const api: Partial<ApiClient> = { ...impl };
  for (const method of API_METHODS) {
    api[method] ??= async () => {
      throw new Error(`fake API: ${method} is not implemented by this test`);
    };
  }
  return api as ApiClient;
}
