/**
 * `setec-hosting ssh-keys ...`: public keys stored in the account.
 * @module
 */
import type { GroupSpec } from '../spec.js';
import { capability, SSH_KEY_COLUMNS } from './shared.js';

/** `setec-hosting ssh-keys`. */
export const sshKeys: GroupSpec = {
  name: 'ssh-keys',
  summary: 'SSH public keys: list, add, delete',
  commands: [
    {
      name: 'list',
      summary: 'List the SSH keys of the account',
      args: [],
      example: 'setec-hosting ssh-keys list',
      async run(ctx) {
        ctx.out.list(await (await capability(ctx, 'sshKeys')).list(), SSH_KEY_COLUMNS);
      },
    },
    {
      name: 'add',
      summary: 'Add a public key read from a file (- for stdin)',
      args: [
        { name: 'name', description: 'A name for the key' },
        { name: 'key-file', description: 'Path of the public key file, e.g. ~/.ssh/id_ed25519.pub, or - for stdin' },
      ],
      example: 'setec-hosting ssh-keys add laptop ~/.ssh/id_ed25519.pub',
      async run(ctx) {
        const file = ctx.args['key-file'] as string;
        const text =
          file === '-' ? await ctx.readStdin() : await (await import('node:fs/promises')).readFile(file, 'utf8');
        const key = await (await capability(ctx, 'sshKeys')).add(ctx.args.name as string, text.trim());
        ctx.out.item(key, SSH_KEY_COLUMNS);
      },
    },
    {
      name: 'delete',
      summary: 'Delete an SSH key',
      args: [{ name: 'id', description: 'The key id (from ssh-keys list)' }],
      example: 'setec-hosting ssh-keys delete 42',
      async run(ctx) {
        await (await capability(ctx, 'sshKeys')).delete(ctx.args.id as string);
        ctx.out.done(`SSH key ${ctx.args.id} deleted`);
      },
    },
  ],
};
