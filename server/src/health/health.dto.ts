import { createZodDto } from 'nestjs-zod';
import { HealthSchema } from './health.schema';

// Documents the health body in OpenAPI; the schema itself stays framework-free.
export class HealthDto extends createZodDto(HealthSchema) {}
