// Worker threads do not inherit tsx's loader from the thread that starts them:
// this plain module registers it, then runs the TypeScript entry in workerData.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
