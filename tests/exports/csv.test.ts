import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/exports/csv";
import { parseCsv } from "../support/unzip";

let db: ReturnType<typeof import("@/lib/db").getDb>;
let exports: {
  verificationsCsv: typeof import("@/lib/exports/verifications-csv").verificationsCsv;
  auditCsv: typeof import("@/lib/exports/audit-csv").auditCsv;
};
const lead = { id: "", email: "lead@t", name: "Lead", role: "LEAD" as const, scopeDates: null };
const meta = { requestId: "req-export", ip: "198.51.100.7", userAgent: "vitest" };

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  const [v, a] = await Promise.all([
    import("@/lib/exports/verifications-csv"),
    import("@/lib/exports/audit-csv"),
  ]);
  exports = { verificationsCsv: v.verificationsCsv, auditCsv: a.auditCsv };
  lead.id = (
    await db.staffUser.create({ data: { email: lead.email, name: 'Lead, "The"', role: "LEAD" } })
  ).id;
});

const read = async (res: Response) => {
  const bytes = Buffer.from(await res.arrayBuffer());
  // A UTF-8 byte-order mark, so that Excel reads names with accents correctly.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString("utf8"));
};

/** What a spreadsheet would run as a formula: independent of lib/exports/csv.ts, to check it against. */
const spreadsheetFormula = (cell: string) =>
  /^[\t\r]/.test(cell) || /^[=+\-@]/.test(cell.normalize("NFKC").trimStart());

describe("a CSV cell", () => {
  it.each([
    ["plain", '"plain"'],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["crlf\r\nline", '"crlf\r\nline"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+1 555", `"'+1 555"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
    ["\tplain", `"'\tplain"`],
    ["  =1+1", `"'  =1+1"`],
    ["\n@SUM(A1)", `"'\n@SUM(A1)"`],
    ["\u00a0-2", `"'\u00a0-2"`],
    ["\uff1dcmd|' /C calc'!A0", `"'\uff1dcmd|' /C calc'!A0"`],
    ["\uff0b1", `"'\uff0b1"`],
    ["\uff0d1", `"'\uff0d1"`],
    ["\uff20SUM(A1)", `"'\uff20SUM(A1)"`],
    ["\u3000\uff1d1", `"'\u3000\uff1d1"`],
    ["\ufe66small equals", `"'\ufe66small equals"`],
    ["a=1", '"a=1"'],
    ["", '""'],
  ])("%j is written %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes numbers, booleans, dates and nulls as values, quoted like everything else", () => {
    expect(csvLine([-5, true, new Date("2026-01-02T03:04:05.006Z"), null, undefined, 12n])).toBe(
      '"-5","true","2026-01-02T03:04:05.006Z","","","12"\r\n',
    );
  });

  it("reads back as the same text for any strings, with no cell a spreadsheet would run as a formula", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      // Formula starters behind blanks and in full-width forms, which plain random text rarely hits.
      fc
        .tuple(
          fc.constantFrom("", " ", "  ", "\u3000", "\u00a0", "\n"),
          fc.constantFrom("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r", "a"),
          fc.string(),
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (cells) => {
        const line = csvLine(cells);
        const [parsed] = parseCsv(line);
        expect(parsed).toHaveLength(cells.length);
        for (const [i, cell] of cells.entries()) {
          expect([cell, `'${cell}`]).toContain(parsed![i]);
          expect(spreadsheetFormula(parsed![i]!)).toBe(false);
          expect(parsed![i]).toBe(spreadsheetFormula(cell) ? `'${cell}` : cell);
        }
      }),
    );
  });
});

describe("the verification list export", () => {
  beforeAll(async () => {
    const base = Date.UTC(2026, 0, 1);
    await db.verification.createMany({
      data: Array.from({ length: 2100 }, (_, i) => ({
        scanRef: `csv-${String(i).padStart(4, "0")}`,
        clientId: i === 0 ? "=cmd|' /C calc'!A0" : `client,${i}`,
        firstName: i === 1 ? 'Anna "Nan"' : null,
        lastName: i === 1 ? "Line\nBreak" : i === 2 ? "@evil" : null,
        tokenType: "VIDEO_CALL" as const,
        status: i % 2 ? ("APPROVED" as const) : ("ACTIVE" as const),
        createdById: lead.id,
        createdAt: new Date(base + i * 1000),
      })),
    });
  });

  it("streams every matching row, paged past the first thousand, newest first, with escaping", async () => {
    const res = await exports.verificationsCsv(lead, meta, {});
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="verifications-.*\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-row-count")).toBe("2100");
    const [header, ...rows] = await read(res);
    expect(header).toEqual([
      "id",
      "scanRef",
      "clientId",
      "clientName",
      "status",
      "decision",
      "fourEyesPending",
      "recordings",
      "assignee",
      "createdBy",
      "createdAt",
      "updatedAt",
    ]);
    expect(rows).toHaveLength(2100);
    expect(new Set(rows.map((r) => r[0])).size).toBe(2100);
    expect(rows[0]![1]).toBe("csv-2099");
    const byRef = (ref: string) => rows.find((r) => r[1] === ref)!;
    expect(byRef("csv-0000")[2]).toBe("'=cmd|' /C calc'!A0");
    expect(byRef("csv-0001")[3]).toBe('Anna "Nan" Line\nBreak');
    expect(byRef("csv-0002")[3]).toBe("'@evil");
    expect(byRef("csv-0005")[2]).toBe("client,5");
    expect(byRef("csv-0005")[9]).toBe('Lead, "The"');
    expect(byRef("csv-0005")[10]).toBe("2026-01-01T00:00:05.000Z");
  });

  it("applies the list's filters and sort, and audits the export with them", async () => {
    const res = await exports.verificationsCsv(lead, meta, { status: "APPROVED", sort: "created_asc" });
    const [, ...rows] = await read(res);
    expect(rows).toHaveLength(1050);
    expect(rows[0]![1]).toBe("csv-0001");
    expect(rows.every((r) => r[4] === "APPROVED")).toBe(true);
    const event = await db.auditEvent.findFirst({
      where: { action: "export.verifications_csv" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorId: lead.id, requestId: "req-export", ip: "198.51.100.7" });
    expect(event!.details).toEqual({ filters: { status: "APPROVED" }, sort: "created_asc" });
  });
});

describe("the audit log export", () => {
  it("streams the log in chain order with every column, and audits itself first", async () => {
    const res = await exports.auditCsv(lead, meta, {});
    const [header, ...rows] = await read(res);
    expect(header).toEqual([
      "id",
      "occurredAt",
      "actorId",
      "actorEmail",
      "action",
      "targetType",
      "targetId",
      "requestId",
      "ip",
      "userAgent",
      "details",
      "prevHash",
      "hash",
    ]);
    const stored = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r[0])).toEqual(stored.map((e) => e.id.toString()));
    expect(rows.at(-1)![4]).toBe("export.audit_csv");
    for (const [i, e] of stored.entries()) {
      expect(rows[i]![12]).toBe(e.hash);
      expect(rows[i]![11]).toBe(e.prevHash);
      expect(JSON.parse(rows[i]![10]!)).toEqual(e.details);
    }
  });

  it("filters by action", async () => {
    const [, ...rows] = await read(
      await exports.auditCsv(lead, meta, { action: "export.verifications_csv" }),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[4] === "export.verifications_csv")).toBe(true);
  });
});
