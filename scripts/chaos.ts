// `npm run chaos -- --events 5000 --seed 7 [--workers 3] [--concurrency 4] [--rate 40]`:
// the chaos suite at any size, against its own embedded PostgreSQL. Prints
// the report; exits 1 on any violation, naming the seed that reproduces it.
// CHAOS_PENDING_CHECKS=limits,ordering reports those checks without failing.
import { parseArgs } from "node:util";
import { chaosPgPort, parsePendingChecks } from "@/tests/chaos/chaos-options";
import { runChaosSuite } from "@/tests/chaos/run-chaos-suite";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    workers: { type: "string", default: "3" },
    concurrency: { type: "string", default: "4" },
    rate: { type: "string", default: "40" },
    "no-restart": { type: "boolean", default: false },
  },
});

const pendingEnv = process.env.CHAOS_PENDING_CHECKS ? `CHAOS_PENDING_CHECKS=${process.env.CHAOS_PENDING_CHECKS} ` : "";
const reproduce = `${pendingEnv}npm run chaos -- --events ${values.events} --seed ${values.seed} --workers ${values.workers} --concurrency ${values.concurrency} --rate ${values.rate}`;
const events = Number(values.events);
const outcome = await runChaosSuite(
  {
    events,
    seed: values.seed,
    workers: values.workers,
    workerConcurrency: values.concurrency,
    rate: values.rate,
    restartDatabase: !values["no-restart"],
    // Enough for the backlog a large run leaves when the deliveries end: a
    // provider failing a quarter of the calls keeps the connector's breaker
    // (ratio 0.25) tripping, so it drains at about two orders a second.
    quiescenceTimeoutSeconds: Math.max(300, Math.ceil(events * 0.75)),
    pgPort: chaosPgPort(process.env.FLOWGATE_CHAOS_PG_PORT),
    dataDir: ".data/chaos-pg",
    pending: parsePendingChecks(process.env.CHAOS_PENDING_CHECKS),
    log: (line) => console.error(line),
  },
  reproduce,
);
console.log(outcome.report);
process.exit(outcome.violations > 0 ? 1 : 0);
