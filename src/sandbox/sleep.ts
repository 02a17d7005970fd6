/** Waits real time (latency and processing delays are felt by the caller, unlike the sandbox clock). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
