import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { E2E_PORT } from "./constants";

// Administrators must use two-factor sign-in, so a test that signs one in needs codes. The secret of each
// enrolled account is kept in a file per e2e port (each run starts from an empty database), with the last
// time step used: every code works only once, so the next sign-in takes a later step.
const STATE = path.resolve(import.meta.dirname, "../../.data", `e2e-totp-${E2E_PORT}.json`);
type State = Record<string, { secret: string; lastStep: number }>;

const readState = (): State => (existsSync(STATE) ? (JSON.parse(readFileSync(STATE, "utf8")) as State) : {});
function writeState(state: State) {
  mkdirSync(path.dirname(STATE), { recursive: true });
  writeFileSync(STATE, JSON.stringify(state));
}

const currentStep = () => Math.floor(Date.now() / 30_000);
const codeAt = (secret: string, step: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 + 1_000 });

/** A code that has not been used yet for this account: this step's, the next one's, or after a short wait. */
export async function nextCode(email: string): Promise<string> {
  const state = readState();
  const entry = state[email];
  if (!entry) throw new Error(`No TOTP secret stored for ${email}: enrol it first`);
  const step = Math.max(currentStep(), entry.lastStep + 1);
  // The server accepts one step of drift; beyond that, wait for the clock.
  while (step > currentStep() + 1) await new Promise((r) => setTimeout(r, 1_000));
  state[email] = { ...entry, lastStep: step };
  writeState(state);
  return codeAt(entry.secret, step);
}

/** On the setup page: reads the key shown for people who cannot scan, confirms a code, remembers the secret. */
export async function enrolTwoFactor(page: Page, email: string): Promise<string[]> {
  await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await page.getByText("Can't scan? Enter this key").click();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  const step = currentStep();
  await page.getByLabel("Authentication code").fill(codeAt(secret, step));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list).toBeVisible();
  writeState({ ...readState(), [email]: { secret, lastStep: step } });
  return list.getByRole("listitem").allInnerTexts();
}
