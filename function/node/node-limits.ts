// What one connection may cost the Node entry: a bound on requests waiting for their answers and on bytes waiting to
// be read, a time limit for a client that sends or reads nothing, and an answer in words (414, 431, 400) to a request
// too large to parse instead of a dropped connection. Workers have the platform's own limits.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Requests one connection may have sent and not yet had answered (HTTP/1.1 pipelining). */
  pipelined: number;
  /** Bytes of answers one connection may leave unread before it is closed. */
  unreadBytes: number;
  /** A connection with nothing sent or read for this long is closed. */
  idleMs: number;
  /** The longest address the server reads; beyond it, 414. */
  urlBytes: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = {
  pipelined: 32,
  unreadBytes: 4 * 1024 * 1024,
  idleMs: 30_000,
  urlBytes: 8 * 1024,
};

/** The server options that go with the limits: room to read a long address and say 414, rather than fail to parse. */
export const serverOptions = (limits = CONNECTION_LIMITS) => ({
  maxHeaderSize: Math.max(16 * 1024, limits.urlBytes * 4),
  headersTimeout: 20_000,
  requestTimeout: 60_000,
  keepAliveTimeout: 5_000,
});

const plain = (status: string, words: string) => {
  const body = Buffer.from(`${words}\n`);
  return (
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
    `Content-Length: ${body.length}\r\n\r\n${body}`
  );
};

/** Puts the limits on a Node HTTP server. */
export function limitConnections(server: Server, limits = CONNECTION_LIMITS): void {
  server.timeout = limits.idleMs;
  const waiting = new WeakMap<Socket, number>();
  server.on('request', (request, response) => {
    const socket = request.socket;
    const count = (waiting.get(socket) ?? 0) + 1;
    waiting.set(socket, count);
    response.once('close', () => waiting.set(socket, (waiting.get(socket) ?? 1) - 1));
    // A client that queues answers it does not read holds the server's memory until it lets go: let go for it.
    if (count > limits.pipelined || socket.writableLength > limits.unreadBytes) socket.destroy();
  });
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const line = error.rawPacket?.subarray(0, limits.urlBytes * 4).toString('latin1') ?? '';
    const requestLine = line.split('\r\n', 1)[0] ?? '';
    const answer =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? requestLine.length === line.length || requestLine.length > limits.urlBytes
          ? plain('414 URI Too Long', 'Adresse trop longue. / Address too long.')
          : plain('431 Request Header Fields Too Large', 'En-têtes trop grands. / Headers too large.')
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? plain('408 Request Timeout', 'Délai dépassé. / Request timeout.')
          : plain('400 Bad Request', 'Requête illisible. / Bad request.');
    socket.end(answer);
  });
}

/** Hono middleware's half: an address longer than the limit gets 414 in words, before any route reads it. */
export const tooLongUrl = (url: string, limits = CONNECTION_LIMITS) =>
  new TextEncoder().encode(url).length > limits.urlBytes;
