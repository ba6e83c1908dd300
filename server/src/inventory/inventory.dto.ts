import { createZodDto } from 'nestjs-zod';
import {
  PersonPageSchema,
  PersonPatchSchema,
  PersonQuerySchema,
  SaasAppListSchema,
  SaasUserPageSchema,
  SaasUserFilterSchema,
  SaasUserPatchSchema,
  SaasUserQuerySchema,
} from './inventory.schema';

// Nest validates queries and bodies and documents OpenAPI through classes; the schemas stay framework-free.
export class SaasUserFilterDto extends createZodDto(SaasUserFilterSchema) {}
export class SaasUserQueryDto extends createZodDto(SaasUserQuerySchema) {}
export class SaasUserPageDto extends createZodDto(SaasUserPageSchema) {}
export class SaasUserPatchDto extends createZodDto(SaasUserPatchSchema) {}
export class PersonQueryDto extends createZodDto(PersonQuerySchema) {}
export class PersonPageDto extends createZodDto(PersonPageSchema) {}
export class PersonPatchDto extends createZodDto(PersonPatchSchema) {}
export class SaasAppListDto extends createZodDto(SaasAppListSchema) {}
