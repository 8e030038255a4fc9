import type { Context, Hono } from 'hono';
import { isoNow } from '../core/app.js';
import { HzHttpError, idParam, invalidInput, notFound } from './responses.js';
import type { HetznerSimulatorState, HzAction, HzRuntime } from './state.js';

/**
 * Records a new action, `running`. It ends after `state.actionPolls` reads: in `success`, or in `error`
 * when `state.failActions` names its command.
 */
export function startAction(
  state: HetznerSimulatorState,
  command: string,
  resources: Array<{ id: number; type: string }>,
): HzAction {
  const failure = state.failActions.findIndex((f) => f.command === command);
  const fails = failure === -1 ? undefined : state.failActions.splice(failure, 1)[0]!.code;
  const action: HzAction = {
    id: state.nextId++,
    command,
    status: 'running',
    progress: 0,
    started: isoNow(),
    finished: null,
    resources,
    error: null,
    pollsLeft: Math.max(0, state.actionPolls),
    ...(fails ? { fails } : {}),
  };
  if (action.pollsLeft === 0) finish(action);
  state.actions.set(action.id, action);
  return action;
}

function finish(action: HzAction): void {
  action.progress = 100;
  action.finished = isoNow();
  if (action.fails) {
    action.status = 'error';
    action.error = { code: action.fails, message: `Action ${action.command} failed` };
  } else action.status = 'success';
}

/** The action as a read shows it; each read brings a running action one step closer to its end. */
export function readAction(action: HzAction): Omit<HzAction, 'pollsLeft' | 'fails'> {
  if (action.status === 'running') {
    action.pollsLeft -= 1;
    if (action.pollsLeft <= 0) finish(action);
    else action.progress = Math.min(90, action.progress + 50);
  }
  return actionOut(action);
}

/** The action as it is now, without reading it (the answer of the write that started it). */
export function actionOut(action: HzAction): Omit<HzAction, 'pollsLeft' | 'fails'> {
  const { pollsLeft: _p, fails: _f, ...wire } = action;
  return { ...wire, resources: wire.resources.map((r) => ({ ...r })) };
}

/** Action routes: several by id, one by id, and the per-zone and per-server forms. */
export function actionRoutes(app: Hono, sim: HzRuntime): void {
  const one = (c: Context, owner?: { type: string; id: number }) => {
    const action = sim.state.actions.get(idParam(c, owner ? 'action_id' : 'id'));
    if (!action || (owner && !action.resources.some((r) => r.type === owner.type && r.id === owner.id)))
      throw notFound('action');
    return c.json({ action: readAction(action) });
  };

  app.get('/v1/actions', (c) => {
    const raw = c.req.queries('id') ?? [];
    if (raw.length === 0) throw invalidInput('id', 'is required');
    if (!raw.every((id) => /^\d{1,16}$/.test(id))) throw invalidInput('id', 'must be integers');
    const found = raw.map(Number).flatMap((id) => {
      const action = sim.state.actions.get(id);
      return action ? [readAction(action)] : [];
    });
    return c.json({ actions: found });
  });
  app.get('/v1/actions/:id', (c) => one(c));
  app.get('/v1/zones/:zone/actions/:action_id', (c) => {
    const ref = c.req.param('zone');
    const zone = [...sim.state.zones.values()].find((z) => z.name === ref || String(z.id) === ref);
    if (!zone) throw notFound('zone');
    return one(c, { type: 'zone', id: zone.id });
  });
  app.get('/v1/servers/:id/actions/:action_id', (c) => one(c, { type: 'server', id: idParam(c, 'id') }));
}

/** 423 `locked` while another action runs on the resource. */
export function assertUnlocked(state: HetznerSimulatorState, type: string, id: number): void {
  for (const action of state.actions.values())
    if (action.status === 'running' && action.resources.some((r) => r.type === type && r.id === id))
      throw new HzHttpError(423, 'locked', `${type} is locked by a running action (${action.command})`);
}
