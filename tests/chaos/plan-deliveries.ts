import type { Random } from "@/tests/support/seeded-random";

export type OrderEvent = { id: string; order: { id: string; version: number; total: string } };

/** Deliveries one sender makes in this order, each after the previous was answered. */
export type DeliveryGroup = { events: OrderEvent[] };

export type DeliveryPlan = {
  groups: DeliveryGroup[];
  orders: number;
  /** Orders with a second version, whose newer version is delivered first. */
  versioned: number;
  /** Redeliveries of an event id already in the plan. */
  redeliveries: number;
  deliveries: number;
};

/**
 * The seeded schedule of webhook deliveries: one event per order, a second
 * version (new event id, same order) for some orders sent just before the
 * first, so the older one arrives late, and redeliveries of random events
 * at random later points, as providers redeliver after a lost ack.
 */
export function planDeliveries({ orders, duplicateShare, versionShare, random }: { orders: number; duplicateShare: number; versionShare: number; random: Random }): DeliveryPlan {
  const groups: DeliveryGroup[] = [];
  let versioned = 0;
  for (let index = 0; index < orders; index += 1) {
    const orderId = `O-${index}`;
    const first = orderEvent(orderId, 1, index);
    if (random.chance(versionShare)) {
      versioned += 1;
      groups.push({ events: [orderEvent(orderId, 2, index), first] });
    } else {
      groups.push({ events: [first] });
    }
  }
  shuffle(groups, random);
  const sent = groups.flatMap((group) => group.events);
  const redeliveries = Math.round(sent.length * duplicateShare);
  for (let count = 0; count < redeliveries; count += 1) {
    const original = random.int(0, groups.length - 1);
    const event = random.pick(groups[original]!.events);
    // Somewhere after the original, occasionally right next to it (concurrent copies).
    groups.splice(random.int(original + 1, groups.length), 0, { events: [event] });
  }
  return { groups, orders, versioned, redeliveries, deliveries: sent.length + redeliveries };
}

function orderEvent(orderId: string, version: number, index: number): OrderEvent {
  return { id: `evt-${orderId}-v${version}`, order: { id: orderId, version, total: `${10 + (index % 90)}.${version}0` } };
}

function shuffle<T>(items: T[], random: Random): void {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}
