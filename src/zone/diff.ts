import type { DnsRecordInput } from '../core/dns.js';
import { printable } from '../core/printable.js';
import { formatTxt, recordIdentity } from '../core/validation/index.js';
import type { ZoneChange, ZonePlan } from './types.js';

type Row = [sign: string, name: string, type: string, content: string, ttl: string];

function shown(record: DnsRecordInput): string {
  if (record.type === 'TXT') return formatTxt(record.content);
  if (record.type === 'MX' || record.type === 'SRV') return `${record.priority ?? 0} ${record.content}`;
  return record.content;
}

const identity = (r: DnsRecordInput) => recordIdentity({ type: r.type, content: r.content, priority: r.priority ?? 0 });

function rowsOf(change: ZoneChange): Row[] {
  const row = (sign: string, r: DnsRecordInput, ttl: string): Row => [
    sign,
    printable(change.name),
    change.type,
    printable(shown(r)),
    ttl,
  ];
  if (change.action === 'create') return change.after.map((r) => row('+', r, `ttl ${r.ttl}`));
  if (change.action === 'delete') return change.before.map((r) => row('-', r, `ttl ${r.ttl}`));
  // The TTL each kept value ends with (a provider may keep a TTL per record).
  const kept = new Map(change.after.map((r) => [identity(r), r.ttl]));
  const old = new Set(change.before.map(identity));
  const rows: Row[] = [];
  for (const r of change.before) if (!kept.has(identity(r))) rows.push(row('-', r, `ttl ${r.ttl}`));
  for (const r of change.before) {
    const ttl = kept.get(identity(r));
    if (kept.has(identity(r)) && r.ttl !== ttl) rows.push(row('~', r, `ttl ${r.ttl} → ${ttl}`));
  }
  for (const r of change.after) if (!old.has(identity(r))) rows.push(row('+', r, `ttl ${r.ttl}`));
  return rows;
}

/**
 * Renders a plan as text: a summary line counting record sets, then one aligned line per record (`+` created, `-` deleted,
 * `~` kept with a new TTL). Control characters in names and values are shown as escapes (`\027` for ESC,
 * `\010` for a newline), so a value can never forge a line of the diff or drive the terminal.
 */
export function formatPlan(plan: Pick<ZonePlan, 'provider' | 'domain' | 'changes' | 'unchanged'>): string {
  const count = (action: ZoneChange['action']) => plan.changes.filter((c) => c.action === action).length;
  const head = `${printable(plan.domain)} (${printable(plan.provider)}): `;
  if (plan.changes.length === 0) return `${head}no changes, ${plan.unchanged} record sets unchanged`;
  const summary = `${head}record sets: ${count('delete')} to delete, ${count('update')} to update, ${count('create')} to create, ${plan.unchanged} unchanged`;
  const rows = plan.changes.flatMap(rowsOf);
  const width = [0, 1, 2].map((col) => Math.max(...rows.map((r) => r[col + 1]?.length ?? 0)));
  const lines = rows.map(([sign, name, type, content, ttl]) =>
    [sign, name.padEnd(width[0] ?? 0), type.padEnd(width[1] ?? 0), content.padEnd(width[2] ?? 0), ttl].join(' '),
  );
  return [summary, ...lines].join('\n');
}
