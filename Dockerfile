# memplot HTTP service. Build: docker build -t memplot .
# Run:   docker run -p 8080:8080 -v memplot-cache:/var/cache/memplot memplot
# Shared Redis for several replicas: add -e MEMPLOT_REDIS_URL=redis://redis:6379

# --- build: compile TypeScript, then keep only the runtime dependencies ---------------------
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No lifecycle scripts yet: `prepare` would build before the sources are here (sharp ships
# prebuilt binaries as optional dependencies and needs no install script).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY plugins ./plugins
COPY routes ./routes
COPY bench ./bench
COPY bin ./bin
# The pages' browser modules: plain ES modules, served as they are (web/tsconfig.json only type-checks them).
COPY web ./web
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: Node 24 LTS slim, fonts for text in raster charts, non-root ------------------------
FROM node:24-slim
# librsvg (inside sharp) finds fonts through fontconfig; DejaVu draws every label.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && fc-cache -f
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    MEMPLOT_CACHE_DIR=/var/cache/memplot \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/web ./web
# The image's unprivileged `node` user (uid 1000) owns only the cache.
RUN mkdir -p /var/cache/memplot && chown node:node /var/cache/memplot
USER node
VOLUME ["/var/cache/memplot"]
EXPOSE 8080
# Node has fetch: no curl needed in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# server.js finishes requests in flight on SIGTERM (docker stop) before exiting.
STOPSIGNAL SIGTERM
# The memory settings of `npm start` (see README, "Memory"): a 2 MB young generation.
CMD ["node", "--max-semi-space-size=2", "dist/src/server.js"]
