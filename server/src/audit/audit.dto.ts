import { createZodDto } from 'nestjs-zod';
import { AuditFilterSchema, AuditPageSchema, AuditQuerySchema } from './audit.schema';

export class AuditFilterDto extends createZodDto(AuditFilterSchema) {}
export class AuditQueryDto extends createZodDto(AuditQuerySchema) {}
export class AuditPageDto extends createZodDto(AuditPageSchema) {}
