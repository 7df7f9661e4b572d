import { execFileSync } from "child_process"

/** A free TCP port, found synchronously: the app reads its config before any hook runs. */
export function freePort(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
  return Number(execFileSync(process.execPath, ["-e", script]).toString())
}
