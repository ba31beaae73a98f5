/**
 * The version of the document contract, apart from its schemas: what report.json records
 * without loading zod (the main process of a batch writes outputs; only workers convert).
 */
export const SCHEMA_VERSION = 1 as const;
