# syntax=docker/dockerfile:1

# ---- build: install everything, compile the API, the worker and the portal, then drop dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false
WORKDIR /app
# node_modules keeps tsx (a runtime dependency): `npm run migration:run` runs scripts/migrate.ts and
# the migrations in libs/ through it, resolving @app/* with tsconfig.json.
# `npm run jury:create -- --email … --password …` uses the CLI built into dist/.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The portal's build (npm run build:web, part of npm run build), served by the API at /.
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY --from=build /app/libs ./libs
COPY --from=build /app/scripts ./scripts
# Files stay owned by root (read-only to the app); the process runs as the image's unprivileged user.
USER node
EXPOSE 3000
CMD ["npm", "run", "start:api"]
