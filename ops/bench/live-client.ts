/**
 * A client process of the live benchmark (forked by live.ts): opens its share of the
 * graphql-ws connections, subscribes, and records when each payload arrives (absolute
 * time, comparable across processes). Talks to the parent over IPC.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface PlannedSubscription {
  id: number;
  query: string;
  variables: Record<string, unknown>;
}
export interface PlannedConnection {
  url: string;
  authToken?: string;
  subscriptions: PlannedSubscription[];
}
export type ToClient = { type: 'open'; connections: PlannedConnection[]; inFlight: number } | { type: 'memory' } | { type: 'collect' } | { type: 'exit' };
/** An arrival: subscription id, cursor, absolute ms, 1 if it was a RELOAD signal. */
export type Arrival = [number, string, number, number];
export type FromClient =
  | { type: 'opened'; connected: number; failed: number; firstFailure: string | null; ms: number }
  | { type: 'memory'; memory: NodeJS.MemoryUsage }
  | { type: 'arrivals'; arrivals: Arrival[]; errors: { id: number; message: string }[]; closes: Record<string, number> };

const now = () => performance.timeOrigin + performance.now();
const send = (message: FromClient) => process.send!(message);
const clients: Client[] = [];
let arrivals: Arrival[] = [];
const errors: { id: number; message: string }[] = [];
const closes: Record<string, number> = {};

function open(connection: PlannedConnection): Promise<void> {
  return new Promise((resolve, reject) => {
    let acked = false;
    const client = createClient({
      url: connection.url,
      lazy: false,
      retryAttempts: 0,
      connectionAckWaitTimeout: 120_000,
      connectionParams: connection.authToken ? { authToken: connection.authToken } : {},
      webSocketImpl: WebSocket,
      on: {
        connected: () => {
          acked = true;
          resolve();
        },
        closed: (event) => {
          const code = String((event as { code?: number }).code ?? 'unknown');
          closes[code] = (closes[code] ?? 0) + 1;
          if (!acked) reject(new Error(`closed before ack: ${code} ${String((event as { reason?: string }).reason ?? '')}`));
        },
        error: (error) => {
          if (!acked) reject(error instanceof Error ? error : new Error(String((error as { message?: string })?.message ?? 'socket error')));
        },
      },
      onNonLazyError: () => {},
    });
    clients.push(client);
    for (const subscription of connection.subscriptions) {
      client.subscribe(
        { query: subscription.query, variables: subscription.variables },
        {
          next: (value) => {
            const at = now();
            if (value.errors) {
              errors.push({ id: subscription.id, message: JSON.stringify(value.errors).slice(0, 300) });
              return;
            }
            const update = Object.values((value.data ?? {}) as Record<string, { cursor?: string; signal?: string } | null>)[0];
            arrivals.push([subscription.id, String(update?.cursor ?? ''), at, update?.signal === 'RELOAD' ? 1 : 0]);
          },
          error: (error) => {
            const message = Array.isArray(error) ? JSON.stringify(error) : String((error as Error)?.message ?? (error as { code?: number })?.code ?? error);
            errors.push({ id: subscription.id, message: message.slice(0, 300) });
          },
          complete: () => {},
        },
      );
    }
  });
}

process.on('message', async (message: ToClient) => {
  if (message.type === 'open') {
    const started = now();
    let next = 0;
    let connected = 0;
    let failed = 0;
    let firstFailure: string | null = null;
    await Promise.all(
      Array.from({ length: message.inFlight }, async () => {
        while (next < message.connections.length) {
          const connection = message.connections[next++]!;
          try {
            await open(connection);
            connected += 1;
          } catch (error) {
            failed += 1;
            firstFailure ??= (error as Error).message;
          }
        }
      }),
    );
    send({ type: 'opened', connected, failed, firstFailure, ms: now() - started });
  } else if (message.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'memory', memory: process.memoryUsage() });
  } else if (message.type === 'collect') {
    send({ type: 'arrivals', arrivals, errors: errors.splice(0), closes });
    arrivals = [];
  } else if (message.type === 'exit') {
    await Promise.race([Promise.all(clients.map((client) => client.dispose())), new Promise((resolve) => setTimeout(resolve, 5000))]);
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
