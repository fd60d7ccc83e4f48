package loadtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/redis/go-redis/v9"
)

// These are benchmarks only: a plain `go test` runs none of them.
//
//	go test -run '^$' -bench . -benchtime 2000x ./realtime/loadtest/ -bench 'Latency'
//	TIGERLINE_BENCH_CLIENTS=10000 go test -run '^$' -bench Fanout -benchtime 20x ./realtime/loadtest/

// TestMain runs the test binary as Fanout's client process when
// BenchmarkFanout starts it so (ClientMain reads the environment).
func TestMain(m *testing.M) {
	if ran, err := ClientMain(context.Background(), os.Getenv, os.Stdout); ran {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// clientProcess re-runs this test binary as the client process, running
// no test of its own.
func clientProcess(addr string, clients, updates, dialers int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(),
		EnvClientAddr+"="+addr, EnvClientCount+"="+strconv.Itoa(clients),
		EnvClientUpdates+"="+strconv.Itoa(updates), EnvClientDialers+"="+strconv.Itoa(dialers))
	cmd.Stderr = os.Stderr
	return cmd
}

func benchRedis(b *testing.B) *redis.Options {
	addr := os.Getenv("TIGERLINE_TEST_REDIS")
	if addr == "" {
		addr = "127.0.0.1:6379"
	}
	opts := &redis.Options{Addr: addr}
	if err := pingRedis(context.Background(), opts); err != nil {
		b.Fatalf("%v; or set TIGERLINE_TEST_REDIS=host:port", err)
	}
	return opts
}

func reportLatency(b *testing.B, r *LatencyResult) {
	b.ReportMetric(float64(r.P50.Microseconds()), "p50-µs")
	b.ReportMetric(float64(r.P99.Microseconds()), "p99-µs")
	b.ReportMetric(float64(r.Mean.Nanoseconds()), "ns/op")
	b.Log(r)
}

func BenchmarkLatencyMemoryBus(b *testing.B) {
	r, err := Latency(context.Background(), LatencyConfig{Events: b.N})
	if err != nil {
		b.Fatal(err)
	}
	reportLatency(b, r)
}

func BenchmarkLatencyRedisTwoNodes(b *testing.B) {
	r, err := Latency(context.Background(), LatencyConfig{Events: b.N, Redis: benchRedis(b)})
	if err != nil {
		b.Fatal(err)
	}
	reportLatency(b, r)
}

// BenchmarkFanout connects TIGERLINE_BENCH_CLIENTS clients (default
// 10000) to one node; each iteration is one dashboard update to all. The
// clients run in a second process (this binary, re-run), so the node's
// memory is its own and 10,000 clients fit in 20,000 open files.
func BenchmarkFanout(b *testing.B) {
	n := 10000
	if s := os.Getenv("TIGERLINE_BENCH_CLIENTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("TIGERLINE_BENCH_CLIENTS=%q: %v", s, err)
		}
	}
	r, err := Fanout(context.Background(), FanoutConfig{Clients: n, Updates: b.N, ClientCommand: clientProcess})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(r.P50.Microseconds()), "p50-µs/update")
	b.ReportMetric(float64(r.P90.Microseconds()), "p90-µs/update")
	b.ReportMetric(float64(r.Max.Microseconds()), "max-µs/update")
	b.ReportMetric(float64(r.WrittenP50.Microseconds()), "written-p50-µs/update")
	b.ReportMetric((r.HeapPerConn+r.StackPerConn)/1024, "KiB/conn")
	b.ReportMetric(float64(r.P50.Nanoseconds()), "ns/op")
	b.Log(r)
}
