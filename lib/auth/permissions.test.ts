import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, type Action } from "@/lib/auth/permissions";
import { actorCan } from "@/lib/auth/actor-can";
import type { Actor } from "@/lib/auth/get-actor";
import type { Role } from "@/lib/generated/prisma/enums";

// The role list from the issue, written out by hand on purpose: a change to
// the permission table has to change this test too, so it is never silent.
const EXPECTED: Record<Role, readonly Action[]> = {
  admin: Object.keys(PERMISSIONS) as Action[],
  analyst: ["flows.read", "flows.write", "flows.publish", "flows.pause", "flows.dryrun", "runs.read", "runs.trigger", "queue.read", "credentials.read"],
  operator: ["flows.read", "flows.pause", "runs.read", "runs.trigger", "runs.retry", "runs.replay", "runs.cancel", "queue.read", "alerts.read"],
  viewer: ["flows.read", "runs.read", "queue.read"],
};

const ALL_ACTIONS = Object.keys(PERMISSIONS) as Action[];

describe("permission table", () => {
  it("knows exactly the four roles", () => {
    expect([...ROLES].sort()).toEqual(["admin", "analyst", "operator", "viewer"]);
  });

  it.each(ROLES)("grants %s exactly the actions the issue lists", (role) => {
    const granted = ALL_ACTIONS.filter((action) => can(role, action)).sort();
    expect(granted).toEqual([...EXPECTED[role]].sort());
  });

  it("names every action the issue lists", () => {
    expect(ALL_ACTIONS.sort()).toEqual(
      [
        "flows.read", "flows.write", "flows.publish", "flows.pause", "flows.dryrun", "flows.allow-unsigned", "flows.retention",
        "runs.read", "runs.trigger", "runs.retry", "runs.replay", "runs.cancel",
        "queue.read", "credentials.read", "credentials.write", "users.manage", "settings.manage", "audit.read",
        "alerts.read", "alerts.manage",
      ].sort(),
    );
  });
});

describe("actorCan", () => {
  const actor = (role: Role, tokenRole?: Role): Actor => ({
    userId: "u",
    email: "u@test.local",
    name: "u",
    role,
    token: tokenRole ? { id: "t", role: tokenRole } : null,
  });

  it("lets a session act with its user's role", () => {
    expect(actorCan(actor("analyst"), "flows.publish")).toBe(true);
    expect(actorCan(actor("analyst"), "runs.retry")).toBe(false);
  });

  it("caps a token by its owner's role and the owner by the token's role", () => {
    // An admin-role token held by a viewer can only read.
    expect(actorCan(actor("viewer", "admin"), "flows.read")).toBe(true);
    expect(actorCan(actor("viewer", "admin"), "flows.write")).toBe(false);
    // A viewer token held by an admin cannot manage users.
    expect(actorCan(actor("admin", "viewer"), "users.manage")).toBe(false);
    // Analyst and operator overlap only where both are allowed.
    expect(actorCan(actor("analyst", "operator"), "flows.pause")).toBe(true);
    expect(actorCan(actor("analyst", "operator"), "flows.publish")).toBe(false);
    expect(actorCan(actor("analyst", "operator"), "runs.retry")).toBe(false);
  });
});
