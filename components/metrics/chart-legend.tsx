/** A chart's key: one swatch per series; `shape` draws it as a block (bars) or a line. */
export function ChartLegend({
  items,
  shape,
}: {
  items: readonly { key: string; label: string; swatch: string }[];
  shape: "block" | "line";
}) {
  const base = shape === "block" ? "inline-block size-3 rounded-sm" : "inline-block h-0.5 w-4";
  return (
    <ul className="flex flex-wrap gap-3 text-xs">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1">
          <span className={`${base} ${item.swatch}`} aria-hidden />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
