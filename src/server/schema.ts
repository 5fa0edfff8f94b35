// Every table of Regiotafel, for Drizzle and drizzle-kit. Modules add their schema here.

export * from "./modules/governance/consultations-schema.js";
export * from "./modules/governance/decisions-schema.js";
export * from "./modules/governance/documents-schema.js";
export * from "./modules/governance/mandates-schema.js";
export * from "./modules/governance/meetings-schema.js";
export * from "./modules/governance/proposals-schema.js";
export * from "./modules/governance/schema.js";
export * from "./modules/network/areas-schema.js";
export * from "./modules/network/import-schema.js";
export * from "./modules/network/schema.js";
export * from "./modules/plan/actions-schema.js";
export * from "./modules/plan/kpis-schema.js";
export * from "./modules/plan/priorities-schema.js";
export * from "./modules/plan/projects-schema.js";
export * from "./modules/plan/reports-schema.js";
export * from "./modules/plan/schema.js";
export * from "./modules/plan/successes-schema.js";
export * from "./platform/audit-schema.js";
export * from "./platform/files-schema.js";
export * from "./platform/identity-schema.js";
export * from "./platform/mail-schema.js";
export * from "./platform/tenancy-schema.js";
