import type { Socket } from 'node:net';
import { DomainError } from '@concord/domain';

/**
 * What Node's HTTP parser refuses before Fastify sees a request (a request
 * line or headers too large, a malformed request, a timeout) is answered as
 * problem+json too, with the status Fastify would give.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? 'The request line or headers are too large'
      : status === 408
        ? 'The request took too long to arrive'
        : 'The request is not valid HTTP';
  const problem = JSON.stringify({
    ...new DomainError('validation.failed', detail, [
      {
        path: '(request)',
        code: status === 431 ? 'headers_too_large' : status === 408 ? 'timeout' : 'not_http',
        message: detail,
      },
    ]).toProblem(),
    status,
  });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `Connection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(problem)}\r\n\r\n${problem}`,
  );
}
