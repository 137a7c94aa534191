// Runs the Pagefind CLI (argv: the `pagefind` package's runner, then its arguments) in a process
// group of its own, and ends that whole group as soon as this process's parent is gone (a build
// killed with kill -9 cannot end its children itself), so that Pagefind never outlives the build
// by more than a moment. Plain JavaScript: it starts without a loader.
import { spawn } from "node:child_process";

const [runner, ...args] = process.argv.slice(2);
const parent = process.ppid;
const child = spawn(process.execPath, [runner, ...args], { detached: true, stdio: ["ignore", "inherit", "inherit"] });

function end(code) {
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
  process.exit(code);
}

// Orphaned: the parent died and this process was handed to another.
const watch = setInterval(() => {
  if (process.ppid !== parent) end(1);
}, 250);
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => end(1));
child.on("error", (err) => {
  console.error(String(err));
  end(1);
});
child.on("exit", (code) => {
  clearInterval(watch);
  process.exit(code ?? 1);
});
