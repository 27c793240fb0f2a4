import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { opsConfig, type OpsConfig } from '../../config/ops.config';
import { startOtlpExport } from './otlp-export';

/**
 * OpenTelemetry spans around Authlete calls, only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set
 * (OpenTelemetry semantic conventions: a CLIENT span per outgoing call). Otherwise it costs nothing.
 */
@Injectable()
export class AuthleteTracing implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Tracing');
  private tracer?: Tracer;
  private stopExport?: () => Promise<void>;

  constructor(@Inject(opsConfig.KEY) private readonly config: OpsConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.otlpEndpoint === undefined) return;
    this.stopExport = await startOtlpExport(this.config.otlpEndpoint, this.logger);
    this.tracer = trace.getTracer(this.config.serviceName);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopExport?.();
  }

  /** Starts the span of one Authlete call, or undefined when tracing is off. */
  start(api: string): Span | undefined {
    return this.tracer?.startSpan(`authlete ${api}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'authlete.api': api },
    });
  }

  /** Ends a span with the call's result (action or failure kind). */
  end(span: Span | undefined, result: string, failed: boolean): void {
    if (!span) return;
    span.setAttribute('authlete.result', result);
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: result });
    span.end();
  }
}
