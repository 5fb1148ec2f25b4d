// A baseline server in its own process, as the app is in its own: started by bench/baselines/launch.ts with
// its configuration in BASELINE_CONFIG; prints "listening <port>" once it accepts connections.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { baselineHandler, type BaselineConfig } from "./handlers";

const config = JSON.parse(process.env.BASELINE_CONFIG ?? "null") as BaselineConfig | null;
if (!config) throw new Error("BASELINE_CONFIG is required");

const server = createServer({ keepAlive: true }, baselineHandler(config));
server.listen(0, "127.0.0.1", () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
