import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CATALOG, type Catalog } from '@rolecall/presets';

@ApiTags('presets')
@Controller('presets')
export class PresetsController {
  /** The preset catalog: presets, regions, auth kinds and their credential fields, operations, vendor fields. */
  @Get()
  @ApiOkResponse({ description: 'The preset catalog' })
  catalog(): Catalog {
    return CATALOG;
  }
}
