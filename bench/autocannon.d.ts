// The few parts of autocannon's programmatic API that bench/http.ts uses (it ships no types).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    /** Called with each connection's Client object. */
    setupClient?: (client: Client) => void;
  }
  /** One connection; internal, so every field may be missing in another version. */
  export interface Client {
    pipelinedRequests?: { addBody?: (data: Buffer) => void };
  }
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
