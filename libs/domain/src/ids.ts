const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids of rule sets, residents, clusters, attachments...: checked before they reach a uuid column. */
export const isUuid = (id: string): boolean => UUID.test(id);
