/**
 * Machines that take a few polls to get where an action leads, as real ones do: an action queues the
 * statuses the machine goes through, each poll (a read of the machine or of its action) moves it one
 * step, and the action's effect (a snapshot appearing, say) happens at the last step.
 *
 * @module
 */

/** One queued step: the status shown after it, and what happens when it is the last one. */
interface Step {
  status: string;
  done?: () => void;
}

/** The running actions of a simulator, per machine. */
export interface Progress {
  /**
   * Queues the statuses a machine goes through, the last one where it settles; `onDone` runs when it
   * gets there. The machine shows the first status at once.
   */
  begin(id: number, statuses: string[], onDone?: () => void): void;
  /** One poll of the machine: moves it one step; answers its status now (`undefined` when nothing runs). */
  tick(id: number): string | undefined;
  /** Whether an action is still running on the machine (it is then locked). */
  busy(id: number): boolean;
}

/**
 * Creates the progress of one simulated account; `apply(id, status, settled)` writes a status onto the machine
 * (`settled` at the last step, when the machine is no longer locked).
 * @example
 * ```ts
 * const progress = createProgress((id, status) => { state.vms.get(id)!.state = status; });
 * progress.begin(42, ['starting', 'running']);
 * ```
 */
export function createProgress(apply: (id: number, status: string, settled: boolean) => void): Progress {
  const queues = new Map<number, Step[]>();
  const step = (id: number): string | undefined => {
    const queue = queues.get(id);
    const next = queue?.shift();
    if (!queue || !next) return undefined;
    apply(id, next.status, queue.length === 0);
    if (queue.length === 0) {
      queues.delete(id);
      next.done?.();
    }
    return next.status;
  };
  return {
    begin(id, statuses, onDone) {
      const steps: Step[] = statuses.map((status) => ({ status }));
      if (onDone) steps[steps.length - 1]!.done = onDone;
      queues.set(id, steps);
      step(id);
    },
    tick: step,
    busy: (id) => queues.has(id),
  };
}
