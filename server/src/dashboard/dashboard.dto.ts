import { createZodDto } from 'nestjs-zod';
import { DashboardSchema } from './dashboard.schema';

export class DashboardDto extends createZodDto(DashboardSchema) {}
