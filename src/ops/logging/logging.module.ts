import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { appConfig, type AppConfig } from '../../config/app.config';
import { loggerParams } from './logger-params';

/** Structured JSON logging with nestjs-pino at `LOG_LEVEL`, to stdout or the given stream. */
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (config: AppConfig) => loggerParams(config.logLevel, destination),
        }),
      ],
    };
  }
}
