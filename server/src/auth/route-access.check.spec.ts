import 'reflect-metadata';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { Allow, Public } from './access.decorator';
import { RouteAccessCheck } from './route-access.check';

@Controller('declared')
@Allow('viewer')
class DeclaredController {
  @Get()
  read(): string {
    return 'ok';
  }

  @Post()
  @Allow('admin')
  write(): string {
    return 'ok';
  }
}

@Controller('open')
class ForgottenController {
  @Get('ping')
  @Public()
  ping(): string {
    return 'pong';
  }

  @Post('wipe')
  wipe(): string {
    return 'gone';
  }
}

const boot = async (controllers: (new () => unknown)[]) => {
  @Module({ imports: [DiscoveryModule], controllers, providers: [RouteAccessCheck] })
  class TestModule {}
  const app = await NestFactory.create(TestModule, { logger: false, abortOnError: false });
  await app.init();
  await app.close();
};

describe('RouteAccessCheck', () => {
  it('boots when every route declares its access on the handler or the controller', async () => {
    await expect(boot([DeclaredController])).resolves.toBeUndefined();
  });

  it('stops the boot naming each route that declares no access', async () => {
    await expect(boot([DeclaredController, ForgottenController])).rejects.toThrow(
      'routes without @Allow(role) or @Public(): ForgottenController.wipe;',
    );
  });
});
