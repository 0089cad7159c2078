import type { AddressInfo } from 'node:net';
import { normalizeSimulatorOptions, type SimulatorOptions } from '../options.js';
import { createSimulator, type Simulator } from './app.js';

export interface RunningSimulator extends Omit<Simulator, 'app'> {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the simulator on 127.0.0.1 (loopback only: it accepts demo credentials). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { port } = normalizeSimulatorOptions(options);
  const { app, ...simulator } = createSimulator(options);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(port, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    ...simulator,
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
