# Tigerline: one static binary on a small Debian base.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/tigerline ./cmd/tigerline

FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata \
	&& rm -rf /var/lib/apt/lists/* && useradd --system --uid 10001 tigerline
COPY --from=build /out/tigerline /usr/local/bin/tigerline
USER tigerline
EXPOSE 8080
ENTRYPOINT ["tigerline"]
CMD ["serve"]
