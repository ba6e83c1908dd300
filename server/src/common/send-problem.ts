import type { Response } from 'express';
import type { Problem } from './problem.schema';

/** Writes problem JSON; the filter and the HTTP middlewares in front of Nest all answer through it. */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
