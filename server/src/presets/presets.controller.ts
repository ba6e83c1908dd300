import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CATALOG, type Catalog } from '@rolecall/presets';
import { Allow } from '../auth/access.decorator';

@ApiTags('presets')
@Controller('presets')
@Allow('viewer')
export class PresetsController {
  /** The preset catalog: presets, regions, auth kinds and their credential fields, operations, vendor fields. */
  @Get()
  @ApiOkResponse({ description: 'The preset catalog' })
  catalog(): Catalog {
    return CATALOG;
  }
}
