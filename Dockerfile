# syntax=docker/dockerfile:1
# nestjs-oauth-server: multi-stage build, non-root runtime, health-checked.
#   docker build -t nestjs-oauth-server .
#   docker run -p 127.0.0.1:8080:8080 -e SESSION_SECRET=... nestjs-oauth-server
# See docs/operations.md for every variable.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: compile TypeScript, then keep production dependencies only ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY engine/package.json ./engine/package.json
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY contract ./contract
COPY src ./src
COPY engine ./engine
RUN npx tsc -p tsconfig.build.json \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: compiled code, production node_modules, demo config; runs as `node` ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    ENGINE_DATA_DIR=/app/.data
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root config ./config
# The only writable path: the embedded engine's generated signing keys.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 8080
# Liveness of the process; orchestrators should also probe /health/ready for traffic.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# main.ts drains on SIGTERM: readiness red, listener closed, in-flight requests finished.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
