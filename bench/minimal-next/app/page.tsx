import pg from "pg";

// The list page's own SQL (bench/baselines/list-sql.ts) for the first and the deepest page, handed over by the
// bench: the same 50 rows the app shows.
type Sql = { text: string; values: unknown[] };
const sql = JSON.parse(process.env.BENCH_LIST_SQL ?? "null") as { first: Sql; deepest: Sql } | null;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

type Row = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  clientId: string;
  scanRef: string;
  status: string;
  stage: string;
  decision: string | null;
  recordings: number;
  assignee: string | null;
  createdAt: Date;
  createdBy: string | null;
};

export const dynamic = "force-dynamic";

export default async function ListPage({ searchParams }: { searchParams: Promise<{ deep?: string }> }) {
  if (!sql) throw new Error("BENCH_LIST_SQL is not set");
  const { text, values } = (await searchParams).deep ? sql.deepest : sql.first;
  const { rows } = await pool.query<Row>(text, values);
  return (
    <table>
      <tbody>
        {rows.slice(0, 50).map((row) => (
          <tr key={row.id}>
            <td>
              <a href={`/verifications/${row.id}`}>
                {row.firstName} {row.lastName}
              </a>
              <span>{row.clientId}</span>
            </td>
            <td>{row.scanRef}</td>
            <td>{row.status}</td>
            <td>{row.stage}</td>
            <td>{row.decision ?? "—"}</td>
            <td>{row.recordings}</td>
            <td>{row.assignee ?? "—"}</td>
            <td>{row.createdAt.toISOString()}</td>
            <td>{row.createdBy ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
