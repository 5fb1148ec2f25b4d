// One member of staff for the length of the run: list, open a verification, now and then decide one of their
// own. Pages are fetched as a browser fetches a document; decisions are posted as the decision form posts
// without JavaScript (its server action, through the hidden fields React renders), so they take the app's
// real path: authorization, validation, the locked transaction and the audit event.
import { actionFormFields, verificationIds } from "../support/html";
import type { SessionPlan } from "./plan";
import type { Recorder } from "./stats";

export type StaffRun = {
  baseUrl: string;
  cookie: string;
  plan: SessionPlan;
  cursors: string[];
  deadline: number;
  thinkMs: number;
  decideEvery: number;
  recorder: Recorder;
  /** Verifications this session was told it had decided (HTTP 200), checked against the database later. */
  decided: string[];
};

const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function page(run: StaffRun, path: string, marker: string) {
  const response = await fetch(`${run.baseUrl}${path}`, {
    headers: { cookie: run.cookie, accept: "text/html" },
    redirect: "manual",
  });
  const html = await response.text();
  const ok = response.status === 200 && html.includes(marker);
  return { ok, value: html, why: `HTTP ${response.status}${ok ? "" : `, no "${marker}"`}` };
}

async function decide(run: StaffRun, verificationId: string) {
  const path = `/verifications/${verificationId}`;
  const html = await run.recorder.time("verification page", () => page(run, path, "Decision"));
  if (html === null) return;
  const hidden = actionFormFields(html, "outcome");
  await run.recorder.time("decision (form post)", async () => {
    // Work dealt to this session must be decidable: a page without the form is a failure too.
    if (!hidden) return { ok: false, value: null, why: "no decision form on the verification page" };
    const form = new FormData();
    for (const [name, value] of Object.entries(hidden)) form.set(name, value);
    form.set("outcome", "REQUEST_RESUBMISSION");
    form.set("reason", "Photos unreadable or blurred");
    form.set("comment", "Load test");
    form.set("confirmed", "yes");
    const response = await fetch(`${run.baseUrl}${path}`, {
      method: "POST",
      headers: { cookie: run.cookie, origin: run.baseUrl, accept: "text/html" },
      body: form,
      redirect: "manual",
    });
    // The answer as the page shows it: the scripts carry every message the browser may need (the refusals'
    // words among them), so they are left out of the search.
    const body = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
    const refused = /already closed|malformed|Check the highlighted|claimed this verification/.exec(body);
    if (response.status === 200 && !refused) run.decided.push(verificationId);
    return {
      ok: response.status === 200 && !refused,
      value: null,
      why: refused?.[0] ?? `HTTP ${response.status}`,
    };
  });
}

/**
 * Before the clock starts, as the benchmarks' warm-up: a few sessions browse the three kinds of page for
 * `seconds`, unrecorded, so the run measures servers that have loaded and compiled their routes (each web
 * process renders each route's first request far slower than the rest).
 */
export async function warmUp(runs: StaffRun[], seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    runs.slice(0, 4).map(async (run, i) => {
      while (Date.now() < until) {
        const list = await page(run, i % 2 ? `/?after=${pick(run.cursors)}` : "/", "Verifications");
        const id = pick(verificationIds(list.value));
        if (id) await page(run, `/verifications/${id}`, "Timeline");
      }
    }),
  );
}

export async function runStaff(run: StaffRun): Promise<void> {
  // People at work do not all click at one instant: each session opens its first page at a random point of one
  // turn's thinking (up to twice the think time), and its own think times keep it apart from the others after.
  await sleep(run.thinkMs * 2 * Math.random());
  for (let turn = 1; Date.now() < run.deadline; turn++) {
    const deeper = turn % 3 === 0 ? pick(run.cursors) : undefined;
    const listPath = deeper ? `/?after=${deeper}` : "/";
    const list = await run.recorder.time(deeper ? "list (deeper page)" : "list", () =>
      page(run, listPath, "Verifications"),
    );
    await sleep(run.thinkMs * (0.5 + Math.random()));
    const canDecide = run.plan.account.role !== "OPS" && run.plan.queue.length > 0;
    if (canDecide && turn % run.decideEvery === 0) {
      await decide(run, run.plan.queue.shift()!);
    } else {
      const id = pick(list ? verificationIds(list) : []);
      if (id)
        await run.recorder.time("verification page", () => page(run, `/verifications/${id}`, "Timeline"));
    }
    await sleep(run.thinkMs * (0.5 + Math.random()));
  }
}
