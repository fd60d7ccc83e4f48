# Shortcuts for developers. The README's two commands work without make.
.PHONY: services demo test check bench build

services:
	bash .ci/services

demo: services
	go run ./cmd/tigerline demo

test: services
	go test -timeout 30m ./...

# What CI runs: services, gofmt, vet, tests.
check:
	bash .ci/run

build:
	go build -o bin/tigerline ./cmd/tigerline

# Benchmarks stay out of the default test run.
bench: services
	go test -run '^$$' -bench . -benchtime 3x ./crm/mysql/
	go test -run '^$$' -bench . ./ami/ ./crm/phone/ ./crm/vtql/
