/** A container an XPath-like ref points at: `/inboundCall/tasks/task[Main_12]`, `./menus/menu[main]`. */
export interface ContainerRef {
  kind: string;
  refId: string;
}

const REF = /(?:^|\/)(menus|tasks|states|bots)\/(menu|task|state|bot)\[(.+)\]\s*$/;

export function parseContainerRef(ref: string): ContainerRef | undefined {
  const match = REF.exec(ref.trim());
  return match ? { kind: match[2]!, refId: match[3]! } : undefined;
}

export function containerKey(kind: string, refId: string): string {
  return `${kind}\u0000${refId.trim().toLowerCase()}`;
}
