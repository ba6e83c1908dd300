import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from './access.decorator';

/** Every controller method that serves a route, as `Controller.method`, with its declared access (if any). */
export function routeHandlers(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): { name: string; access: unknown }[] {
  return discovery.getControllers().flatMap(({ metatype, instance }) => {
    if (!metatype || !instance) return [];
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    return scanner
      .getAllMethodNames(proto)
      .filter((method) => Reflect.hasMetadata(PATH_METADATA, proto[method] as object))
      .map((method) => ({
        name: `${metatype.name}.${method}`,
        access: reflector.getAllAndOverride(ACCESS_METADATA, [proto[method] as () => unknown, metatype]),
      }));
  });
}

/** Stops the boot when a route declares no access (`@Allow(role)` or `@Public()`), so none ships open. */
@Injectable()
export class RouteAccessCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const open = routeHandlers(this.discovery, this.scanner, this.reflector).filter((r) => r.access === undefined);
    if (open.length > 0) {
      throw new Error(`routes without @Allow(role) or @Public(): ${open.map((r) => r.name).join(', ')}; every route must declare who may call it`);
    }
  }
}
