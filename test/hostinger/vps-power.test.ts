import { describe, expect, it } from 'vitest';
import { NotFoundError, ProviderAPIError, RateLimitError, ValidationError } from '../../src/core/errors.js';
import { createHostingerProvider } from '../../src/hostinger/index.js';
import { useSimulatorServer } from '../support/msw.js';

const { sim, baseUrl } = useSimulatorServer();
const provider = () => createHostingerProvider({ apiKey: sim.token, baseUrl });
const VM = 1268054;
const posts = () => sim.requests.filter((r) => r.method === 'POST').map((r) => r.path);

describe('hostinger: vps power actions', () => {
  it('stop, start and restart each send one POST to the matching endpoint and, waited for, change the state', async () => {
    const wait = { intervalMs: 1 };
    expect((await provider().vps.stop(String(VM), { wait })).status).toBe('stopped');
    expect(sim.state.vms.get(VM)!.state).toBe('stopped');
    expect((await provider().vps.start(String(VM), { wait })).status).toBe('running');
    await provider().vps.restart(String(VM));
    expect(sim.state.vms.get(VM)!.state).toBe('stopping');
    expect(posts()).toEqual([
      `/api/vps/v1/virtual-machines/${VM}/stop`,
      `/api/vps/v1/virtual-machines/${VM}/start`,
      `/api/vps/v1/virtual-machines/${VM}/restart`,
    ]);
  });

  it('an unknown VM is NotFoundError; a malformed id is a ValidationError before any request', async () => {
    await expect(provider().vps.start('999999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(provider().vps.stop('1/../2')).rejects.toBeInstanceOf(ValidationError);
    expect(sim.requests).toHaveLength(1);
  });

  it('is not retried on a server error or a dropped connection (sent exactly once)', async () => {
    sim.inject({ status: 503, path: `/api/vps/v1/virtual-machines/${VM}/restart`, times: 3 });
    await expect(provider().vps.restart(String(VM))).rejects.toBeInstanceOf(ProviderAPIError);
    sim.inject({ networkError: true, path: `/api/vps/v1/virtual-machines/${VM}/stop`, times: 3 });
    await expect(provider().vps.stop(String(VM))).rejects.toThrow(/outcome is unknown|unknown/);
    expect(posts()).toHaveLength(2);
    expect(sim.state.vms.get(VM)!.state).toBe('running');
  });

  it('is retried on 429 after Retry-After, then applied once', async () => {
    sim.inject({ status: 429, headers: { 'Retry-After': '0' }, path: `/api/vps/v1/virtual-machines/${VM}/stop` });
    await provider().vps.stop(String(VM), { wait: { intervalMs: 1 } });
    expect(posts()).toHaveLength(2);
    expect(sim.state.vms.get(VM)!.state).toBe('stopped');
  });

  it('gives up with RateLimitError when the wait asked for is too long', async () => {
    sim.inject({ status: 429, headers: { 'Retry-After': '3600' }, path: `/api/vps/v1/virtual-machines/${VM}/start` });
    const error = await provider()
      .vps.start(String(VM))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(3600);
    expect(posts()).toHaveLength(1);
  });
});
