// Package pbxtrace is test support for replaying the recorded PBX traces
// (../shared/pbx-traces beside the repository) through the AMI and ARI
// paths: where the traces are, how an AMI recording becomes call events,
// and the table of outcomes both adapters' replay tests check. ami and ari
// tests share it so the two paths are held to the same expectations; it
// imports testing, so only _test files may import it.
package pbxtrace

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the traces folder, skipping tb when it is absent: the
// traces ship beside the repository, not in a developer's clone.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := Path()
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("pbx traces not found at %s (expected ../shared/pbx-traces beside the repo): %v", dir, err)
	}
	return dir
}

// Path is where the traces would be, relative to the working directory:
// ../shared/pbx-traces beside the module root. go test runs in the
// package's folder, so the root is found by walking up to go.mod rather
// than assumed to be a fixed number of levels up.
func Path() string {
	up := "."
	for {
		if _, err := os.Stat(filepath.Join(up, "go.mod")); err == nil {
			return filepath.Join(up, "..", "shared", "pbx-traces")
		}
		abs, err := filepath.Abs(up)
		if err != nil || filepath.Dir(abs) == abs {
			// No module above: Dir reports the path it tried and skips.
			return filepath.Join("..", "shared", "pbx-traces")
		}
		up = filepath.Join(up, "..")
	}
}
