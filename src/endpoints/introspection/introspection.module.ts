import { Module } from '@nestjs/common';
import { IntrospectionController } from './introspection.controller';
import { IntrospectionService } from './introspection.service';
import { ResourceServerRegistry } from './resource-server-registry';

/** Introspection endpoint module (RFC 7662). */
@Module({
  controllers: [IntrospectionController],
  providers: [IntrospectionService, ResourceServerRegistry],
})
export class IntrospectionModule {}
