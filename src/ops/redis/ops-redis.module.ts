import { Global, Module } from '@nestjs/common';
import { OpsRedis } from './ops-redis';

/** Provides {@link OpsRedis} to the operations modules. */
@Global()
@Module({ providers: [OpsRedis], exports: [OpsRedis] })
export class OpsRedisModule {}
