import { registerSecrets } from "./known-secrets";

export type SecretScope = {
  /** Masks these values everywhere in this process until the scope is released. */
  add: (values: readonly string[]) => void;
  release: () => void;
};

/**
 * Groups the registrations of one unit of work (a run's execution, a
 * credential test) so a single `finally` releases all of them, however
 * many credentials and tokens the work picked up along the way.
 */
export function createSecretScope(): SecretScope {
  const releases: Array<() => void> = [];
  return {
    add: (values) => {
      if (values.length > 0) releases.push(registerSecrets(values));
    },
    release: () => {
      for (const release of releases.splice(0)) release();
    },
  };
}
