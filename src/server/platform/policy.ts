import type { Role } from "../../shared/roles.js";
import type { Actor } from "./context.js";
import { forbidden } from "./errors.js";

/**
 * What a route needs. Every /api/v1 route declares one (the app refuses to start otherwise):
 * - public: anyone, also without a session (login, accept invitation);
 * - self: any logged-in user, acting on their own account;
 * - a policy action: the roles the resource's policy allows.
 */
export type Access =
  | { kind: "public" }
  | { kind: "self" }
  | { kind: "action"; resource: string; action: string; roles: readonly Role[] };

export const PUBLIC: Access = { kind: "public" };
export const SELF: Access = { kind: "self" };

/** Every policy, by resource, as the modules define them (on import). */
const registry = new Map<string, Record<string, readonly Role[]>>();

/**
 * What a role may do, as `{ "resource.action": boolean }`, for the web app to show only what
 * works; the server still checks every call.
 */
export function permissionsOf(role: Role): Record<string, boolean> {
  const entries = [...registry].flatMap(([resource, rules]) =>
    Object.entries(rules).map(([action, roles]) => [`${resource}.${action}`, roles.includes(role)] as const),
  );
  return Object.fromEntries(entries);
}

/**
 * Declares who may do what to one kind of resource, deny by default: an action not listed
 * allows nobody. `policy.access("update")` is what a route declares.
 */
export function definePolicy<A extends string>(resource: string, rules: Record<A, readonly Role[]>) {
  registry.set(resource, rules);
  return {
    resource,
    rules,
    access(action: A): Access {
      return { kind: "action", resource, action, roles: rules[action] };
    },
    can(actor: Pick<Actor, "role">, action: A): boolean {
      return rules[action].includes(actor.role);
    },
    assert(actor: Pick<Actor, "role">, action: A): void {
      if (!rules[action].includes(actor.role)) throw forbidden();
    },
  };
}

export function allows(access: Access, role: Role | null): boolean {
  if (access.kind === "public") return true;
  if (role === null) return false;
  return access.kind === "self" || access.roles.includes(role);
}
