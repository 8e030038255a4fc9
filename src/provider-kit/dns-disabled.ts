/**
 * Disabled records: those a provider keeps but does not serve or cannot write back, which
 * {@link DnsSource.read} marks `disabled: true`. Nobody lists them, so a write that replaces or deletes
 * their set would lose them unseen: {@link createDnsCapability} refuses it before anything is sent.
 *
 * @internal
 * @module
 */
import { ConflictError } from '../core/errors.js';
import type { DnsSetChanges, DnsSource, DnsSourceRecord } from './dns-source.js';

/**
 * Refuses `changes` when a set they replace or delete holds one of the disabled ones among `records`.
 * @throws {ConflictError} naming each such set and its disabled values; nothing has been written.
 */
export function refuseDisabled(
  source: Pick<DnsSource, 'provider' | 'disabledHint'>,
  zone: string,
  records: readonly DnsSourceRecord[],
  changes: DnsSetChanges,
): void {
  // One pass over the zone; then each set against its disabled records only (usually none). Names and types
  // are compared as DNS does, whatever letter case the provider stores them in (`changes` are normalized).
  const off = records.filter((r) => r.disabled);
  const hits = [...changes.replace, ...changes.delete].flatMap(({ name, type }) => {
    const held = off.filter((r) => r.name.toLowerCase() === name && r.type.toUpperCase() === type);
    return held.length > 0 ? [`${name} ${type} (${held.map((r) => JSON.stringify(r.content)).join(', ')})`] : [];
  });
  if (hits.length > 0) {
    throw new ConflictError(
      `Cannot replace or delete sets of ${zone} holding a disabled record, which the write would lose: ${hits.join('; ')}. Enable or delete it ${source.disabledHint ?? 'where it is kept'} first. Nothing was written`,
      { provider: source.provider },
    );
  }
}
