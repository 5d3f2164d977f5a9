# Headless token server: `agora-token-desk serve`, compatible with agora-token-service.
#   docker build -t agora-token-desk .
#   docker run --init -p 8080:8080 -e APP_ID=… -e APP_CERTIFICATE=… agora-token-desk
# Credentials come only from the environment at run time; none are baked into the image,
# and no build argument carries one (a --build-arg value stays readable in the image history).
# tests/dist/container.test.ts replays the build stage (its COPY lines minus .dockerignore, then
# its RUN commands) in a folder, so a file the build needs but never gets fails a test.

ARG NODE_IMAGE=node:22-slim

# --- build: compile the CLI and shared code (dist/cli, dist/shared) -----------------
# (The desktop shell in electron/ is not compiled: the CLI and shared/ never import it.)
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
# Scripts off: `prepare` needs the sources, and the desktop tools' installers are not wanted here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY shared ./shared
COPY cli ./cli
# build:cli (the CLI without the serverless bundles, which the image does not serve) ends with the
# bundler; its code-cache step loads the launcher's bundle loader.
COPY scripts/bundle-cli.mjs scripts/esbuild-zod-english.mjs scripts/cli-code-cache.cjs ./scripts/
COPY bin ./bin
RUN npm run build:cli

# --- runtime: production dependencies, compiled output, non-root --------------------
FROM ${NODE_IMAGE} AS runtime
# serve reads HOST and PORT (and every other setting, see `serve --help`) from the environment.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
COPY bin ./bin
COPY --from=build /app/dist/cli ./dist/cli
COPY --from=build /app/dist/shared ./dist/shared
# chmod: a checkout on Windows does not keep the launcher's executable bit.
RUN chmod 755 /app/bin/agora-token-desk.js \
 && ln -s /app/bin/agora-token-desk.js /usr/local/bin/agora-token-desk
# The node user of the official image, by number: Kubernetes' runAsNonRoot can only verify a numeric user.
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.SERVER_PORT||process.env.PORT||8080)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Any other command works too: docker run … agora-token-desk token rtc --channel demo --uid 42
ENTRYPOINT ["agora-token-desk"]
# No --host here: HOST above sets it, and `docker run -e HOST=::` can change it.
CMD ["serve"]
