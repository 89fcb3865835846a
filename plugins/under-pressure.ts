import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';

/**
 * 503 + Retry-After for every request while the event loop is saturated (renders and uploads
 * also have their own bounded queues in the profiles service).
 */
export default fp(
  async (fastify) => {
    const { maxEventLoopDelayMs } = fastify.config;
    await fastify.register(underPressure, {
      maxEventLoopDelay: maxEventLoopDelayMs > 0 ? maxEventLoopDelayMs : 0,
      retryAfter: 5,
      message: 'the server is overloaded',
      exposeStatusRoute: false,
    });
  },
  { name: 'under-pressure', dependencies: ['config'] },
);
