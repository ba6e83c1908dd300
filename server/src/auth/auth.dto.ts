import { createZodDto } from 'nestjs-zod';
import {
  ChangePasswordSchema,
  CreatedTokenSchema,
  CreateTokenSchema,
  CreateUserSchema,
  LoginSchema,
  MeSchema,
  ResetPasswordSchema,
  TokenViewSchema,
  UpdateUserSchema,
  UserViewSchema,
} from './auth.schema';

// Nest validates bodies and documents OpenAPI through classes; the schemas stay framework-free.
export class LoginDto extends createZodDto(LoginSchema) {}
export class MeDto extends createZodDto(MeSchema) {}
export class ChangePasswordDto extends createZodDto(ChangePasswordSchema) {}
export class UserViewDto extends createZodDto(UserViewSchema) {}
export class CreateUserDto extends createZodDto(CreateUserSchema) {}
export class UpdateUserDto extends createZodDto(UpdateUserSchema) {}
export class ResetPasswordDto extends createZodDto(ResetPasswordSchema) {}
export class TokenViewDto extends createZodDto(TokenViewSchema) {}
export class CreateTokenDto extends createZodDto(CreateTokenSchema) {}
export class CreatedTokenDto extends createZodDto(CreatedTokenSchema) {}
