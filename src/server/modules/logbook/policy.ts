import { definePolicy } from "../../platform/policy.js";

/** The logboek shows every change in the region, with before and after: beheerders only. */
export const auditPolicy = definePolicy("auditEvent", {
  list: ["beheerder"],
  export: ["beheerder"],
});
