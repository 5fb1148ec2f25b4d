import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { E2E_TOTP_SECRETS, E2E_TOTP_STATE } from "./constants";
import { STAFF_EMAILS } from "./staff";

// Every role signs in with two-factor codes. The demo accounts are seeded enrolled with known keys; an
// account a test enrols keeps its key in a file per e2e port (each run starts from an empty database),
// with the last time step used: every code works only once, so the next sign-in takes a later step.
type State = Record<string, { secret: string; lastStep: number }>;

const readState = (): State =>
  existsSync(E2E_TOTP_STATE) ? (JSON.parse(readFileSync(E2E_TOTP_STATE, "utf8")) as State) : {};
function writeState(state: State) {
  mkdirSync(path.dirname(E2E_TOTP_STATE), { recursive: true });
  writeFileSync(E2E_TOTP_STATE, JSON.stringify(state));
}

function seededSecret(email: string): string | undefined {
  const key = Object.entries(STAFF_EMAILS).find(([, e]) => e === email)?.[0];
  return key ? E2E_TOTP_SECRETS[key] : undefined;
}

const currentStep = () => Math.floor(Date.now() / 30_000);
const codeAt = (secret: string, step: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 + 1_000 });

/** A code that has not been used yet for this account: this step's, the next one's, or after a short wait. */
export async function nextCode(email: string): Promise<string> {
  const state = readState();
  const seeded = seededSecret(email);
  const entry = state[email] ?? (seeded ? { secret: seeded, lastStep: 0 } : undefined);
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
