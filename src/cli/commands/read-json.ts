/**
 * Reading a JSON file given on the command line (a plan, a snapshot).
 * @module
 */

/** The JSON in `file`; a file that cannot be read or parsed is a ValidationError naming it. */
export async function readJson(file: string, what: string): Promise<unknown> {
  const { ValidationError } = await import('../../core/errors.js');
  let text: string;
  try {
    text = await (await import('node:fs/promises')).readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new ValidationError(`The ${what} ${file} cannot be read (${String(code ?? error)})`, {
      fields: { file: ['cannot be read'] },
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError(`The ${what} ${file} is not JSON`, { fields: { file: ['must be JSON'] } });
  }
}
