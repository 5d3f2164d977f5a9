/**
 * Lets the benchmark ask a server process how much CPU it has used, over the IPC channel
 * the parent opened: server CPU per request is the framework's cost in absolute terms,
 * whatever share of the cores the load generator took.
 */
export function answerCpuProbes(): void {
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  // The IPC channel must not keep a finished server alive, nor should its end kill one early.
  process.channel?.unref();
}
