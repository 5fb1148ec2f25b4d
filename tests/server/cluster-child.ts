// The web processes of tests/server/cluster.test.ts: lib/server/cluster.ts's supervisor around a tiny server
// that names its process, and can be told to die.
import cluster from "node:cluster";
import http from "node:http";
import { superviseWebProcesses } from "@/lib/server/cluster";

const port = Number(process.env.CLUSTER_TEST_PORT);
if (cluster.isPrimary) {
  await superviseWebProcesses(Number(process.env.CLUSTER_TEST_PROCESSES), () => undefined);
  console.log("READY");
} else if (process.env.CLUSTER_TEST_FAIL === "1") {
  process.exit(3);
} else {
  const server = http.createServer((req, res) => {
    res.setHeader("connection", "close");
    res.end(String(process.pid));
    if (req.url === "/die") setImmediate(() => process.exit(1));
  });
  server.listen(port);
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
