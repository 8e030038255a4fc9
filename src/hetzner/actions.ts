/**
 * Hetzner's asynchronous writes: most writes answer with an action (`running`, then `success` or
 * `error`). {@link waitForActions} polls them (`GET /actions?id=…`, up to 25 at once) with a growing
 * pause until every one has ended, so a write resolves once its change is real.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { ProviderAPIError, TimeoutError } from '../core/errors.js';
import type { HetznerClient } from './client.js';
import { maybeString } from './kit.js';
import { sleep } from './sleep.js';

/** An action as Hetzner answers it. */
export const ActionWire = z.looseObject({
  id: z.number(),
  command: z.string(),
  status: z.string(),
  progress: z.optional(z.nullable(z.number())),
  error: z.optional(z.nullable(z.looseObject({ code: maybeString, message: maybeString }))),
});
export type ActionWire = z.infer<typeof ActionWire>;

/** An answer that carries one action (`{action}`), as power actions and record-set writes give. */
export const ActionAnswer = z.looseObject({ action: ActionWire });
/** An answer that may carry one action (`DELETE /servers/{id}`). */
export const MaybeActionAnswer = z.optional(z.nullable(z.looseObject({ action: z.optional(z.nullable(ActionWire)) })));

const ActionsAnswer = z.looseObject({ actions: z.array(ActionWire) });
const CHUNK = 25;
const MAX_PAUSE_MS = 10_000;

/** The error of an action that ended in `error`, naming it and its error code. */
function failed(action: ActionWire): ProviderAPIError {
  const code = action.error?.code ?? 'unknown_error';
  const why = action.error?.message ? `: ${action.error.message}` : '';
  return new ProviderAPIError(`Hetzner action ${action.command} (id ${action.id}) failed with ${code}${why}`, {
    provider: 'hetzner',
  });
}

/** The question mark part of `GET /actions?id=1&id=2` (the key repeats, which a plain record cannot say). */
const idsPath = (ids: readonly number[]) => `actions?${ids.map((id) => `id=${id}`).join('&')}`;

/**
 * Resolves once every action has succeeded. Polls after `client.intervalMs`, then twice as long each
 * time (at most 10 s), within `client.timeoutMs` and the caller's signal.
 *
 * @throws {ProviderAPIError} naming the first action that failed, and its error code.
 * @throws {TimeoutError} when the actions are still running after `client.timeoutMs`, or the signal's
 *   deadline passed.
 */
export async function waitForActions(
  client: HetznerClient,
  actions: readonly (ActionWire | null | undefined)[],
  signal?: AbortSignal,
): Promise<void> {
  let running = new Map<number, ActionWire>();
  for (const action of actions) {
    if (!action) continue;
    if (action.status === 'error') throw failed(action);
    if (action.status !== 'success') running.set(action.id, action);
  }
  const deadline = Date.now() + client.timeoutMs;
  for (let poll = 0; running.size > 0; poll++) {
    const pause = Math.min(client.intervalMs * 2 ** poll, MAX_PAUSE_MS);
    if (Date.now() + pause > deadline) {
      const [first] = running.values();
      throw new TimeoutError(
        `Hetzner action ${first!.command} (id ${first!.id}) was still running after ${client.timeoutMs} ms; it may still finish`,
        { provider: 'hetzner' },
      );
    }
    try {
      await sleep(pause, signal);
    } catch (error) {
      throw abortError(error, running);
    }
    const next = new Map<number, ActionWire>();
    const ids = [...running.keys()];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const { actions: seen } = await client.request({
        method: 'GET',
        path: idsPath(chunk),
        schema: ActionsAnswer,
        signal,
      });
      for (const id of chunk) {
        const action = seen.find((a) => a.id === id);
        if (!action)
          throw new ProviderAPIError(`Hetzner does not know the action ${running.get(id)!.command} (id ${id})`, {
            provider: 'hetzner',
          });
        if (action.status === 'error') throw failed(action);
        if (action.status !== 'success') next.set(id, action);
      }
    }
    running = next;
  }
}

/** What an aborted wait rejects with: a `TimeoutError` for a deadline, else the signal's reason. */
function abortError(error: unknown, running: Map<number, ActionWire>): unknown {
  if (error instanceof Error && error.name === 'TimeoutError') {
    const [first] = running.values();
    return new TimeoutError(
      `The caller's deadline passed while Hetzner action ${first!.command} (id ${first!.id}) was running; it may still finish`,
      { provider: 'hetzner' },
    );
  }
  return error;
}

/**
 * One poll of `action` for the kit's `wait`: `true` once it succeeded, `false` while it runs.
 * @throws {ProviderAPIError} naming the action and its error code when it failed.
 */
export function actionProbe(client: HetznerClient, action: ActionWire) {
  return async (options: { signal?: AbortSignal }): Promise<boolean> => {
    if (action.status === 'success') return true;
    const { actions } = await client.request({
      method: 'GET',
      path: idsPath([action.id]),
      schema: ActionsAnswer,
      signal: options.signal,
    });
    const seen = actions.find((a) => a.id === action.id);
    if (!seen)
      throw new ProviderAPIError(`Hetzner does not know the action ${action.command} (id ${action.id})`, {
        provider: 'hetzner',
      });
    if (seen.status === 'error') throw failed(seen);
    return seen.status === 'success';
  };
}
