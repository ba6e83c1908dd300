import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../audit/audit.schema';
import { Allow } from './access.decorator';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserViewDto } from './auth.dto';
import type { UserView } from './auth.schema';
import { CurrentActor } from './current-principal.decorator';
import { UsersService } from './users.service';

const PROBLEM = 'Problem JSON {status, code, message, details?}';

@ApiTags('users')
@Controller('users')
@Allow('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserViewDto] })
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a role and an initial password' })
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiBadRequestResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: the email is taken` })
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change the role, disable (signs out everywhere, stops tokens) or enable' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiBadRequestResponse({ description: PROBLEM })
  @ApiNotFoundResponse({ description: PROBLEM })
  @ApiConflictResponse({ description: `${PROBLEM}: it would leave no enabled admin` })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Reset a password: signs the user out everywhere and lifts a lockout' })
  @ApiNoContentResponse({ description: 'Reset' })
  @ApiBadRequestResponse({ description: PROBLEM })
  @ApiNotFoundResponse({ description: PROBLEM })
  async resetPassword(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResetPasswordDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.resetPassword(id, body.password, actor);
  }
}
