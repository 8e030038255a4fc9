/**
 * One line read from a terminal, as `confirm` and the hidden API-key prompt need it: Enter answers,
 * Ctrl-D is an empty answer's "no" (exit 1) and Ctrl-C cancels with exit status 130 (128 + SIGINT).
 * @module
 */
import { Writable } from 'node:stream';

/** The terminal a prompt reads from and writes to. */
export interface PromptIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** Thrown when the person at the terminal cancels; `exitCode` is the CLI's exit status. */
function cancelled(exitCode: number): Error {
  return Object.assign(new Error('nothing was changed'), { name: 'Cancelled', exitCode });
}

/**
 * Shows `question` on stderr and resolves with the line typed. With `hidden`, what is typed is not echoed
 * (for secrets); the prompt itself still shows.
 * @throws {Error} named `Cancelled` on Ctrl-C (`exitCode` 130) or when the input ends first (`exitCode` 1).
 */
export async function ask(io: PromptIo, question: string, hidden = false): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  let muted = false;
  const echo = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) io.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: io.stdin, output: hidden ? echo : io.stderr, terminal: true });
  const interrupt = new AbortController();
  rl.once('SIGINT', () => interrupt.abort());
  try {
    if (!hidden) return await rl.question(question, { signal: interrupt.signal });
    io.stderr.write(question);
    muted = true;
    const answer = await rl.question('', { signal: interrupt.signal });
    io.stderr.write('\n');
    return answer;
  } catch (error) {
    if ((error as Error | null)?.name !== 'AbortError') throw error;
    io.stderr.write('\n');
    throw cancelled(interrupt.signal.aborted ? 130 : 1);
  } finally {
    rl.close();
  }
}

/** `ask` for a yes/no question whose default is no. @throws {Error} named `Cancelled` unless the answer is y/yes. */
export async function confirmAt(io: PromptIo, question: string): Promise<void> {
  const answer = await ask(io, `${question} [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw cancelled(1);
}
