import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { DomainError, type Problem } from '@concord/domain';
import { isDatabaseUnavailable } from '@concord/database';

/**
 * The one RPC error mapping of a service: a `DomainError` replies as
 * problem details with its code; a database that cannot answer now
 * (stopped, stalled past a timeout, restarting) replies as
 * `service.unavailable` (503: retry later); anything else is logged and
 * replies as `internal`, with no stack trace or SQL.
 */
@Catch()
export class RpcProblemFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcProblemFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<Problem> {
    if (exception instanceof DomainError) {
      return throwError(() => exception.toProblem());
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      return throwError(() =>
        new DomainError(
          'service.unavailable',
          'The service cannot reach its database just now; retry later',
        ).toProblem(),
      );
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return throwError(() => new DomainError('internal', 'The service failed to handle the request').toProblem());
  }
}
