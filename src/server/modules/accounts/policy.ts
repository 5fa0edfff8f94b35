import { definePolicy } from "../../platform/policy.js";

/** Accounts of the region: only beheerders manage them. Own-account actions are SELF routes. */
export const userPolicy = definePolicy("user", {
  list: ["beheerder"],
  read: ["beheerder"],
  invite: ["beheerder"],
  update: ["beheerder"],
});
