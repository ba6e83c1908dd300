# One image for the API server and the Temporal worker (docker-compose picks the command).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY presets/package.json presets/
COPY workflows/package.json workflows/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 ROLECALL_DATA_DIR=/var/lib/rolecall
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /var/lib/rolecall && chown node /var/lib/rolecall
USER node
EXPOSE 3000
CMD ["node", "server/dist/main.js"]
