import { ROLES } from "../../../shared/roles.js";
import { definePolicy } from "../../platform/policy.js";

export const regionPolicy = definePolicy("region", {
  read: ROLES,
  update: ["beheerder"],
});
