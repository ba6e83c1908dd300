import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { describeIssues, ErrorCode } from '@rolecall/presets';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { DomainError } from './domain-error';
import type { Problem } from './problem.schema';
import { sendProblem } from './send-problem';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.Unprocessable,
  429: ErrorCode.RateLimited,
  503: ErrorCode.DependencyUnavailable,
};

/** Maps every error to problem JSON `{status, code, message, details?}`; the single place that does. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      // Internal details go to the log (redacted by the logger), never to the client.
      this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    }
    sendProblem(host.switchToHttp().getResponse<Response>(), problem);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return { status: exception.status, code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof ZodValidationException) {
      const issues = (exception.getZodError() as ZodError).issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
      return { status: 400, code: ErrorCode.ValidationFailed, message: `request is invalid: ${describeIssues(issues)}`, details: { issues } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        status,
        code: CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed),
        message: exception.message,
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.Internal,
      message: 'internal error; the server log has the details',
    };
  }
}
