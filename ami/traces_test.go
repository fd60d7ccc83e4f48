package ami_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// traceFiles returns every AMI .txt recording, sorted.
func traceFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(pbxtrace.Dir(tb), "*", "ami-*.txt"))
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
	b, err := os.ReadFile(filepath.Join(pbxtrace.Dir(tb), name+ext))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
