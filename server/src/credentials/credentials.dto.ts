import { createZodDto } from 'nestjs-zod';
import {
  CreateCredentialSchema,
  CredentialSchema,
  CredentialTestResultSchema,
  ListCredentialsQuerySchema,
  UpdateCredentialSchema,
} from './credentials.schema';

// Nest validates bodies and documents OpenAPI through classes; the schemas stay framework-free.
export class CreateCredentialDto extends createZodDto(CreateCredentialSchema) {}
export class UpdateCredentialDto extends createZodDto(UpdateCredentialSchema) {}
export class ListCredentialsQueryDto extends createZodDto(ListCredentialsQuerySchema) {}
export class CredentialDto extends createZodDto(CredentialSchema) {}
export class CredentialTestResultDto extends createZodDto(CredentialTestResultSchema) {}
