import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { DomainError, type Problem } from '@concord/domain';

/**
 * The one RPC error mapping of a service: a `DomainError` replies as
 * problem details with its code; anything else is logged and replies as
 * `internal`, with no stack trace or SQL.
 */
@Catch()
export class RpcProblemFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcProblemFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<Problem> {
    if (exception instanceof DomainError) {
      return throwError(() => exception.toProblem());
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return throwError(() => new DomainError('internal', 'The service failed to handle the request').toProblem());
  }
}
