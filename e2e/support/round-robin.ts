import http from "node:http";

/** One request the balancer passed on: to which instance (index into the targets). */
type Routed = { method: string; path: string; instance: number };

export type RoundRobin = { routed: Routed[]; close: () => Promise<void> };

/**
 * A load balancer without affinity in front of the web instances. GETs take turns; POSTs take turns per path,
 * so that each kind of write (a sign-in, a webhook, a claim on one case) reaches the instances in turn,
 * whatever other requests came between. The Host header passes unchanged, as behind a real balancer.
 */
export async function startRoundRobin(port: number, targets: number[]): Promise<RoundRobin> {
  const routed: Routed[] = [];
  const turns = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const key = method === "POST" ? `POST ${path.split("?")[0]}` : method;
    const turn = turns.get(key) ?? 0;
    turns.set(key, turn + 1);
    const instance = turn % targets.length;
    routed.push({ method, path, instance });
    const upstream = http.request(
      { host: "127.0.0.1", port: targets[instance], method, path, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return {
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
