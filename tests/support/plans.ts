// Reading EXPLAIN (FORMAT JSON) output: which scans touch a table, and how long a query took.

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  Plans?: PlanNode[];
};

export type ExplainOutput = { Plan: PlanNode; "Execution Time"?: number };

/** Every scan node on `relation`, as "Index Scan using x": subplans (EXISTS, subqueries) included. */
export function scansOn(node: PlanNode, relation: string): string[] {
  const own =
    node["Relation Name"] === relation
      ? [`${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}`]
      : [];
  const bitmap =
    node["Node Type"] === "Bitmap Index Scan" && node["Index Name"]?.startsWith(`${relation}_`)
      ? [`Bitmap Index Scan using ${node["Index Name"]}`]
      : [];
  return [...own, ...bitmap, ...(node.Plans ?? []).flatMap((child) => scansOn(child, relation))];
}

export const INDEX_SCAN = /^(Index Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan)/;
