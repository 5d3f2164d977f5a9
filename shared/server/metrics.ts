import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry } from 'prom-client';

/**
 * Where /metrics gets its text, given this server's own registry: `serve --workers` binds it
 * to a view of every worker's counters, summed by prom-client's AggregatorRegistry.
 */
export interface MetricsView {
  bind(own: Registry): () => Promise<string>;
}

/**
 * Prometheus metrics for one server (its own registry, so two servers in one process, as
 * in the tests or the desktop app, never share counters). Labels are route patterns, never
 * paths: a path carries channel names and user ids, and would grow without bound.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'agora_token_desk_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly tokens = new Counter({
    name: 'agora_token_desk_tokens_issued_total',
    help: 'Successful token responses, by token kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'agora_token_desk_http_request_duration_seconds',
    help: 'Time from request to response, by route pattern',
    labelNames: ['route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  observe(request: FastifyRequest, reply: FastifyReply): void {
    const options = request.routeOptions;
    const route = options.url ?? 'unmatched';
    this.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    this.latency.observe({ route }, reply.elapsedTime / 1000);
    const kind = options.config.kind;
    if (reply.statusCode === 200 && typeof kind === 'string') this.tokens.inc({ kind });
  }

  /** Counts every response (404s and errors included) and serves /metrics. */
  install(app: FastifyInstance, view?: MetricsView): void {
    const render = view === undefined ? () => this.registry.metrics() : view.bind(this.registry);
    app.addHook('onResponse', (request, reply, done) => {
      this.observe(request, reply);
      done();
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      void reply.header('content-type', this.registry.contentType);
      return render();
    });
  }
}
