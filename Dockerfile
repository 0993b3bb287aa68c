# syntax=docker/dockerfile:1
# The base image is pinned by digest so a rebuild gets the same OS and Node bits; both stages use it.
# To update: `docker buildx imagetools inspect node:24-slim` (or `docker pull node:24-slim && docker
# inspect --format '{{index .RepoDigests 0}}' node:24-slim`), paste the index digest below, rebuild,
# and run the tests. The digest is the multi-arch index, so amd64 and arm64 both resolve.
ARG NODE_IMAGE=node:24-slim@sha256:a9f5f7c91a432850b2a8a7797adf5eadb6c733ceed61167806cee7ea7fbc29df

# Build stage: native modules (hnswlib-node, better-sqlite3) compile here, TypeScript builds to dist/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# Only runtime sources: tsconfig.build.json compiles src/ and ingest/ (no tests, no benches).
COPY package.json package-lock.json .npmrc tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY ingest ./ingest
# npm ci runs `prepare`, which compiles TypeScript into dist/.
RUN npm ci --no-audit --no-fund
# The image answers from the bundled sample docs until you ingest your own.
RUN node bin/deskmate.js ingest --index /app/docs-index --quiet
RUN npm prune --omit=dev --no-audit --no-fund

# Runtime stage: no compilers, non-root.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production DESKMATE_DATA_DIR=/data DESKMATE_INDEX_DIR=/app/docs-index PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/bin ./bin
COPY --from=build --chown=node:node /app/ingest/samples ./ingest/samples
COPY --from=build --chown=node:node /app/docs-index ./docs-index
COPY --chown=node:node deskmate.config.example.yaml brand-voice.default.yaml manifest.json* ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["node", "bin/deskmate.js"]
CMD ["start"]
