import * as z from 'zod/mini';
import * as a from './answers.js';
import * as body from './schemas.js';

/** One route of the REST API, as the OpenAPI document and the README's route table describe it. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Under `/api/hosting`, with `{name}` path parameters. */
  path: string;
  summary: string;
  /** The JSON body the handler validates, if it takes one. */
  body?: z.ZodMiniType;
  /** A body is accepted but not needed (`/test`). */
  bodyOptional?: boolean;
  /** The query the handler validates, if any. */
  query?: z.ZodMiniType;
  /** The success status and the answer's schema. */
  status: 200 | 201;
  answer: z.ZodMiniType;
}

const P = '/providers/{provider}';

/** The model schemas by the name the document and the README give them. */
export const MODEL_NAMES = new Map<z.ZodMiniType, string>([
  [a.providerSummary, 'ProviderSummary'],
  [a.providerDetails, 'ProviderDetails'],
  [a.dnsRecord, 'DnsRecord'],
  [a.domain, 'Domain'],
  [a.domainAvailability, 'DomainAvailability'],
  [a.virtualMachine, 'VirtualMachine'],
  [a.vmSnapshot, 'VmSnapshot'],
  [a.dataCenter, 'DataCenter'],
  [a.sshKey, 'SshKey'],
  [a.subscription, 'Subscription'],
  [a.catalogItem, 'CatalogItem'],
]);

/** The element schema of each list answer. */
export const LIST_ITEMS = new Map<z.ZodMiniType, z.ZodMiniType>();
const list = (item: z.ZodMiniType) => {
  const schema = z.array(item);
  LIST_ITEMS.set(schema, item);
  return schema;
};

/** Every route the handler serves under `/api/hosting` (a test checks this list against the router). */
export const ROUTES: readonly RouteDoc[] = [
  { method: 'get', path: '/openapi.json', summary: 'This document', status: 200, answer: z.looseObject({}) },
  {
    method: 'get',
    path: '/providers',
    summary: 'Registered providers and their connected state',
    status: 200,
    answer: list(a.providerSummary),
  },
  {
    method: 'get',
    path: P,
    summary: "A provider's settings, secrets redacted",
    status: 200,
    answer: a.providerDetails,
  },
  {
    method: 'delete',
    path: P,
    summary: "Delete a provider's stored configuration",
    status: 200,
    answer: a.statusAnswer('deleted'),
  },
  {
    method: 'post',
    path: `${P}/configure`,
    summary: 'Store credentials (fields left out: see the credentials guide)',
    body: body.configureBody,
    status: 200,
    answer: a.statusAnswer('configured'),
  },
  {
    method: 'post',
    path: `${P}/test`,
    summary: "Test the stored credentials, or the body's without storing them",
    body: body.testBody,
    bodyOptional: true,
    status: 200,
    answer: a.testAnswer,
  },
  {
    method: 'get',
    path: `${P}/dns/{domain}`,
    summary: "List a zone's records",
    status: 200,
    answer: list(a.dnsRecord),
  },
  {
    method: 'post',
    path: `${P}/dns/{domain}`,
    summary: 'Add a record',
    body: body.createRecordBody,
    status: 201,
    answer: a.statusAnswer('created'),
  },
  {
    method: 'put',
    path: `${P}/dns/{domain}`,
    summary: 'Update records (merge, or replace the named sets with overwrite)',
    body: body.updateRecordsBody,
    status: 200,
    answer: a.statusAnswer('updated'),
  },
  {
    method: 'delete',
    path: `${P}/dns/{domain}`,
    summary: 'Delete a record set by name and type (or one record by content)',
    query: body.deleteRecordQuery,
    status: 200,
    answer: a.statusAnswer('deleted'),
  },
  {
    method: 'post',
    path: `${P}/dns/{domain}/reset`,
    summary: "Reset a zone to the provider's defaults",
    status: 200,
    answer: a.statusAnswer('reset'),
  },
  { method: 'get', path: `${P}/domains`, summary: 'List domains', status: 200, answer: list(a.domain) },
  {
    method: 'post',
    path: `${P}/domains/check`,
    summary: 'Check availability and price',
    body: body.checkDomainsBody,
    status: 200,
    answer: list(a.domainAvailability),
  },
  {
    method: 'post',
    path: `${P}/domains/purchase`,
    summary: 'Buy a domain',
    body: body.purchaseDomainBody,
    status: 201,
    answer: a.domain,
  },
  { method: 'get', path: `${P}/domains/{domain}`, summary: 'One domain', status: 200, answer: a.domain },
  {
    method: 'put',
    path: `${P}/domains/{domain}/nameservers`,
    summary: 'Set the nameservers',
    body: body.nameserversBody,
    status: 200,
    answer: a.statusAnswer('updated'),
  },
  {
    method: 'post',
    path: `${P}/domains/{domain}/lock`,
    summary: 'Turn the transfer lock on',
    status: 200,
    answer: a.statusAnswer('locked'),
  },
  {
    method: 'delete',
    path: `${P}/domains/{domain}/lock`,
    summary: 'Turn the transfer lock off',
    status: 200,
    answer: a.statusAnswer('unlocked'),
  },
  {
    method: 'post',
    path: `${P}/domains/{domain}/privacy`,
    summary: 'Turn WHOIS privacy on',
    status: 200,
    answer: a.statusAnswer('enabled'),
  },
  {
    method: 'delete',
    path: `${P}/domains/{domain}/privacy`,
    summary: 'Turn WHOIS privacy off',
    status: 200,
    answer: a.statusAnswer('disabled'),
  },
  { method: 'get', path: `${P}/vms`, summary: 'List virtual machines', status: 200, answer: list(a.virtualMachine) },
  {
    method: 'post',
    path: `${P}/vms`,
    summary: 'Create a virtual machine',
    body: body.createVmBody,
    status: 201,
    answer: a.virtualMachine,
  },
  { method: 'get', path: `${P}/vms/{id}`, summary: 'One virtual machine', status: 200, answer: a.virtualMachine },
  ...(['start', 'stop', 'restart'] as const).map((action): RouteDoc => ({
    method: 'post',
    path: `${P}/vms/{id}/${action}`,
    summary: `Ask the provider to ${action} the machine; with \`wait\`, answer once it got there`,
    body: body.vmActionBody,
    bodyOptional: true,
    status: 200,
    answer: a.vmActionAnswer,
  })),
  {
    method: 'delete',
    path: `${P}/vms/{id}`,
    summary: 'Destroy a machine (where the provider can)',
    status: 200,
    answer: a.statusAnswer('deleted'),
  },
  {
    method: 'post',
    path: `${P}/vms/{id}/wait`,
    summary: 'Poll the machine until it reports a status',
    body: body.vmWaitBody,
    status: 200,
    answer: a.virtualMachine,
  },
  {
    method: 'get',
    path: `${P}/vms/{id}/snapshots`,
    summary: "The machine's snapshots",
    status: 200,
    answer: list(a.vmSnapshot),
  },
  {
    method: 'post',
    path: `${P}/vms/{id}/snapshots`,
    summary: 'Take a snapshot (Hostinger keeps one per machine: it replaces the one there)',
    body: body.createSnapshotBody,
    bodyOptional: true,
    status: 201,
    answer: a.snapshotAnswer,
  },
  {
    method: 'post',
    path: `${P}/vms/{id}/snapshots/{snapshotId}/restore`,
    summary: "Put the machine's disk back to a snapshot",
    body: body.vmActionBody,
    bodyOptional: true,
    status: 200,
    answer: a.vmActionAnswer,
  },
  {
    method: 'delete',
    path: `${P}/vms/{id}/snapshots/{snapshotId}`,
    summary: 'Delete a snapshot',
    status: 200,
    answer: a.statusAnswer('deleted'),
  },
  {
    method: 'get',
    path: `${P}/datacenters`,
    summary: 'Data centers a machine can be created in',
    status: 200,
    answer: list(a.dataCenter),
  },
  { method: 'get', path: `${P}/ssh-keys`, summary: 'List SSH keys', status: 200, answer: list(a.sshKey) },
  {
    method: 'post',
    path: `${P}/ssh-keys`,
    summary: 'Add an SSH public key',
    body: body.addSshKeyBody,
    status: 201,
    answer: a.sshKey,
  },
  {
    method: 'delete',
    path: `${P}/ssh-keys/{id}`,
    summary: 'Delete an SSH key',
    status: 200,
    answer: a.statusAnswer('deleted'),
  },
  {
    method: 'get',
    path: `${P}/subscriptions`,
    summary: 'List subscriptions',
    status: 200,
    answer: list(a.subscription),
  },
  {
    method: 'get',
    path: `${P}/catalog`,
    summary: 'The product catalog with prices',
    status: 200,
    answer: list(a.catalogItem),
  },
];
