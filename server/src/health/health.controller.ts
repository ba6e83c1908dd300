import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorator';
import { OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { HealthDto } from './health.dto';
import type { Health } from './health.schema';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
// Load balancers and orchestrators probe it without credentials.
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * Liveness and dependency status; 503 while Postgres or Temporal is down or the vault keys
   * cannot open stored credentials. Which credentials, and how to repair them, is told only to a
   * signed-in caller: credential names are not for anonymous probes.
   */
  @Get()
  @ApiOkResponse({ type: HealthDto, description: 'Every dependency is up' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'A dependency is down, or some credentials cannot be decrypted' })
  async get(@Res({ passthrough: true }) res: Response, @OptionalPrincipal() caller: Principal | undefined): Promise<Health> {
    const health = await this.health.check({ detailed: caller !== undefined });
    res.status(health.status === 'ok' ? 200 : 503);
    return health;
  }
}
