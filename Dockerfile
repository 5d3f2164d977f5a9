# Headless token server: `agora-token-desk serve`, compatible with agora-token-service.
#   docker build -t agora-token-desk .
#   docker run --init -p 8080:8080 -e APP_ID=… -e APP_CERTIFICATE=… agora-token-desk
# Credentials come only from the environment at run time; none are baked into the image.

ARG NODE_IMAGE=node:22-slim

# --- build: compile the CLI and shared code (dist/cli, dist/shared) -----------------
# (tsc also compiles electron/handlers for `ui`, which the image leaves out: no browser UI here.)
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
# Scripts off: `prepare` needs the sources, and the desktop tools' installers are not wanted here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY shared ./shared
COPY cli ./cli
COPY electron ./electron
RUN npm run build:node

# --- runtime: production dependencies, compiled output, non-root --------------------
FROM ${NODE_IMAGE} AS runtime
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
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.SERVER_PORT||process.env.PORT||8080)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Any other command works too: docker run … agora-token-desk token rtc --channel demo --uid 42
ENTRYPOINT ["agora-token-desk"]
CMD ["serve", "--host", "0.0.0.0"]
