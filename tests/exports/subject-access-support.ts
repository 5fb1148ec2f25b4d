// Calls the subject access route handler as the browser does (the test file mocks next/headers with `cookie`)
// and reads the archive back.
import { unzip, type UnzippedEntry } from "../support/unzip";

export type Staff = { id: string; role: string; sessionVersion: number };

/** A session cookie's value for this staff member, as a sign-in would issue it. */
export async function signInAs(user: Staff): Promise<string> {
  const { reissueSessionToken, nowSeconds } = await import("@/lib/auth/session-token");
  return reissueSessionToken({
    sub: user.id,
    role: user.role,
    sv: user.sessionVersion,
    loginAt: nowSeconds(),
  });
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the summary is read back as the JSON it is */
type Summary = { json: any; text: string };

/** The export of `clientId`; its entries and summary when it answers 200, else only the status. */
export async function subjectAccess(
  clientId: string,
  expected = 200,
): Promise<{ status: number; entries: UnzippedEntry[]; summary: Summary }> {
  const { GET } = await import("@/app/api/exports/subject-access/route");
  const url = `http://localhost/api/exports/subject-access?clientId=${encodeURIComponent(clientId)}`;
  const res = await GET(new Request(url));
  if (res.status !== expected)
    throw new Error(`expected ${expected}, got ${res.status}: ${await res.text()}`);
  if (res.status !== 200) return { status: res.status, entries: [], summary: { json: null, text: "" } };
  if (res.headers.get("content-type") !== "application/zip") throw new Error("not a ZIP");
  const disposition = res.headers.get("content-disposition") ?? "";
  if (
    !/^attachment; filename="subject-access-[\dT-]+Z\.zip"$/.test(disposition) ||
    disposition.includes(clientId)
  )
    throw new Error(`unexpected Content-Disposition: ${disposition}`);
  if (res.headers.get("cache-control") !== "private, no-store") throw new Error("cacheable download");
  const entries = await unzip(Buffer.from(await res.arrayBuffer()));
  const read = (name: string) => entries.find((e) => e.name === name)?.data.toString("utf8") ?? "";
  return {
    status: 200,
    entries,
    summary: { json: JSON.parse(read("summary.json")), text: read("summary.txt") },
  };
}
