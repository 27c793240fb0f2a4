import type { Logger } from '@nestjs/common';

/** The parts of the OpenTelemetry SDK that are used (sdk-trace-node 2.x, exporter-trace-otlp-http). */
interface TracerProviderLike {
  register(): void;
  shutdown(): Promise<void>;
}
type Constructor<T> = new (options: Record<string, unknown>) => T;

const SDK_PACKAGES = ['@opentelemetry/sdk-trace-node', '@opentelemetry/exporter-trace-otlp-http'];

async function loadOptional(name: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Registers a global tracer provider that exports spans over OTLP/HTTP to
 * `${endpoint}/v1/traces` (OTLP specification, "OTLP/HTTP"). The SDK is optional and loaded only
 * here, when `OTEL_EXPORTER_OTLP_ENDPOINT` is set; when it is not installed a warning says which
 * packages to add and spans stay no-ops. Returns the provider's shutdown (flushes pending spans).
 */
export async function startOtlpExport(
  endpoint: string,
  logger: Logger,
): Promise<(() => Promise<void>) | undefined> {
  const [sdk, exporter] = await Promise.all(SDK_PACKAGES.map(loadOptional));
  const Provider = sdk?.['NodeTracerProvider'] as Constructor<TracerProviderLike> | undefined;
  const Processor = sdk?.['BatchSpanProcessor'] as Constructor<object> | undefined;
  const Exporter = exporter?.['OTLPTraceExporter'] as Constructor<object> | undefined;
  if (!Provider || !Processor || !Exporter) {
    logger.warn(
      `OTEL_EXPORTER_OTLP_ENDPOINT is set but the OpenTelemetry SDK is not installed: npm i ${SDK_PACKAGES.join(' ')}`,
    );
    return undefined;
  }
  const url = `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  const BatchProcessor = Processor as unknown as new (exporter: object) => object;
  const provider = new Provider({
    spanProcessors: [new BatchProcessor(new Exporter({ url }))],
  });
  provider.register();
  logger.log(`exporting Authlete call spans to ${url}`);
  return () => provider.shutdown();
}
