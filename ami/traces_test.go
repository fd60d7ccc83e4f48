package ami_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// tracesPath is where the recorded PBX traces live, relative to this
// package: ../shared/pbx-traces beside the repository root.
var tracesPath = filepath.Join("..", "..", "shared", "pbx-traces")

// tracesDir locates the recorded PBX traces, which live beside the repo
// rather than in it.
func tracesDir(tb testing.TB) string {
	tb.Helper()
	dir := tracesPath
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("pbx traces not found at %s (expected ../shared/pbx-traces beside the repo): %v", dir, err)
	}
	return dir
}

// traceFiles returns every AMI .txt recording, sorted.
func traceFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(tracesDir(tb), "*", "ami-*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skip("no ami-*.txt traces found under ../shared/pbx-traces")
	}
	sort.Strings(files)
	return files
}

// readTrace returns the bytes of one recording named like
// "asterisk-22/ami-22-inbound-status-poll".
func readTrace(tb testing.TB, name, ext string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(tracesDir(tb), name+ext))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
