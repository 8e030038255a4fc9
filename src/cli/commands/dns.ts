/**
 * `setec-hosting dns ...`: the records of a zone.
 * @module
 */
import type { DnsRecordInput, DnsRecordType } from '../../core/dns.js';
import type { CommandContext, FlagSpec, GroupSpec } from '../spec.js';
import { capability, numberFlag, printWrittenRecords, RECORD_COLUMNS } from './shared.js';
import { zoneFileCommands } from './zone-files.js';
import { zoneCommands } from './zone.js';

const DOMAIN = { name: 'domain', description: 'The zone, e.g. example.com' };
const NAME = { name: 'name', description: 'Record name relative to the zone; @ is the apex' };
const TYPE = { name: 'type', description: 'Record type: A, AAAA, CNAME, MX, TXT, NS, SRV or CAA' };
const RECORD_FLAGS: Record<string, FlagSpec> = {
  ttl: { type: 'string', value: 'n', description: 'Time to live in seconds (default 14400)' },
  priority: { type: 'string', value: 'n', description: 'MX/SRV priority (default 0)' },
};
const YES: FlagSpec = { type: 'boolean', description: 'Do not ask for confirmation (required when not on a terminal)' };

async function records(ctx: CommandContext, contents: string[]): Promise<DnsRecordInput[]> {
  const ttl = await numberFlag(ctx, 'ttl');
  const priority = await numberFlag(ctx, 'priority');
  return contents.map((content) => ({
    name: ctx.args.name as string,
    type: (ctx.args.type as string).toUpperCase() as DnsRecordType,
    content,
    ...(ttl === undefined ? {} : { ttl }),
    ...(priority === undefined ? {} : { priority }),
  }));
}

/** `setec-hosting dns`: records, zone files, plans. */
export const dns: GroupSpec = {
  name: 'dns',
  summary: 'List and change the DNS records of a zone',
  commands: [
    {
      name: 'list',
      summary: 'List every record of a zone',
      args: [DOMAIN],
      example: 'setec-hosting dns list example.com --output json',
      async run(ctx) {
        const dnsApi = await capability(ctx, 'dns');
        ctx.out.list(await dnsApi.list(ctx.args.domain as string), RECORD_COLUMNS);
      },
    },
    {
      name: 'create',
      summary: 'Add one record (an exact duplicate is a ConflictError)',
      args: [DOMAIN, NAME, TYPE, { name: 'content', description: 'The value: an address, a host name, TXT text...' }],
      flags: RECORD_FLAGS,
      example: 'setec-hosting dns create example.com api A 203.0.113.10 --ttl 3600',
      async run(ctx) {
        const [record] = await records(ctx, [ctx.args.content as string]);
        await (await capability(ctx, 'dns')).create(ctx.args.domain as string, record!);
        ctx.out.done(`created ${record!.name} ${record!.type} ${record!.content}`);
        await printWrittenRecords(ctx, ctx.args.domain as string, record!);
      },
    },
    {
      name: 'update',
      summary: 'Add records to a record set, or replace the set with --overwrite',
      args: [DOMAIN, NAME, TYPE, { name: 'content', variadic: true, description: 'One value per record of the set' }],
      flags: {
        ...RECORD_FLAGS,
        overwrite: { type: 'boolean', description: 'Replace the record set (name + type) with exactly these records' },
      },
      example: 'setec-hosting dns update example.com @ A 203.0.113.10 203.0.113.11 --overwrite',
      notes: 'Without --overwrite, records already present are kept and missing ones are added.',
      async run(ctx) {
        const list = await records(ctx, ctx.args.content as string[]);
        await (
          await capability(ctx, 'dns')
        ).update(ctx.args.domain as string, list, {
          overwrite: ctx.flags.overwrite === true,
        });
        ctx.out.done(
          `updated ${ctx.args.name} ${list[0]!.type} (${list.length} record${list.length === 1 ? '' : 's'})`,
        );
        await printWrittenRecords(ctx, ctx.args.domain as string, { name: list[0]!.name, type: list[0]!.type });
      },
    },
    {
      name: 'delete',
      summary: 'Delete every record of a name and type, or only the one with --content',
      args: [DOMAIN, NAME, TYPE],
      flags: { content: { type: 'string', value: 'c', description: 'Delete only the record with this content' } },
      example: 'setec-hosting dns delete example.com www A --content 203.0.113.10',
      async run(ctx) {
        const type = (ctx.args.type as string).toUpperCase() as DnsRecordType;
        const content = ctx.flags.content as string | undefined;
        await (
          await capability(ctx, 'dns')
        ).delete(ctx.args.domain as string, ctx.args.name as string, type, {
          ...(content === undefined ? {} : { content }),
        });
        ctx.out.done(`deleted ${ctx.args.name} ${type}${content === undefined ? '' : ` ${content}`}`);
      },
    },
    {
      name: 'reset',
      summary: "Put the zone back to the provider's default records (asks first)",
      args: [DOMAIN],
      flags: { yes: YES },
      example: 'setec-hosting dns reset example.com --yes',
      async run(ctx) {
        ctx.assertCanConfirm();
        const domain = ctx.args.domain as string;
        const dnsApi = await capability(ctx, 'dns');
        await ctx.confirm(`Reset every DNS record of ${domain} to the provider's defaults?`);
        await dnsApi.reset(domain);
        ctx.out.done(`reset ${domain}`);
      },
    },
    ...zoneCommands,
    ...zoneFileCommands,
  ],
};
