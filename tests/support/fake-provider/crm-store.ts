import { asObject, scalarAt } from "./http";

export type CrmRecord = { id: string; collection: string; body: unknown; idempotencyKey: string | null };

type Answer = { status: number; body: unknown };

export type CrmStore = ReturnType<typeof createCrmStore>;

/** The CRM's data: records per collection, found by id or by the external id at `businessIdPath`. */
export function createCrmStore(businessIdPath: string) {
  /** Keyed by idempotency key (by id when the request had none), as tests have always read it. */
  const records = new Map<string, CrmRecord>();
  let counter = 0;

  function create(pathname: string, body: unknown, key: string | null): CrmRecord {
    const collection = pathname.split("/")[2] ?? "records";
    counter += 1;
    const id = `${collection.replace(/s$/, "")}_${counter}`;
    const record = { id, collection, body, idempotencyKey: key };
    records.set(key ?? id, record);
    return record;
  }

  /** GET /crm/<collection>/<id>, or GET /crm/<collection>?externalId=… for the look-up before a create (R8 ambiguous). */
  function lookup(method: string, url: URL): Answer {
    const [, root, collection, id] = url.pathname.split("/");
    if (method !== "GET" || root !== "crm" || collection === undefined) return { status: 404, body: { error: "not_found" } };
    const inCollection = [...records.values()].filter((record) => record.collection === collection);
    if (id) {
      const record = inCollection.find((candidate) => candidate.id === id);
      return record ? { status: 200, body: present(record) } : { status: 404, body: { error: "not_found" } };
    }
    const externalId = url.searchParams.get("externalId");
    const matches = inCollection.filter((record) => externalId === null || scalarAt(record.body, businessIdPath) === externalId).map(present);
    // `results` is the older name; both stay so existing callers keep working.
    return { status: 200, body: { items: matches, results: matches } };
  }

  return {
    records,
    create,
    lookup,
    present,
    clear: () => {
      records.clear();
      counter = 0;
    },
  };
}

function present(record: CrmRecord): Record<string, unknown> {
  return { ...asObject(record.body), id: record.id };
}
