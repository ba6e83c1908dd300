import { createZodDto } from 'nestjs-zod';
import { CodecPayloadsSchema } from './temporal-codec.schema';

export class CodecPayloadsDto extends createZodDto(CodecPayloadsSchema) {}
