import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DashboardDto } from './dashboard.dto';
import type { Dashboard } from './dashboard.schema';
import { DashboardService } from './dashboard.service';
import { Allow } from '../auth/access.decorator';

@ApiTags('dashboard')
@Controller('dashboard')
@Allow('viewer')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOkResponse({ type: DashboardDto })
  get(): Promise<Dashboard> {
    return this.dashboard.get(new Date());
  }
}
