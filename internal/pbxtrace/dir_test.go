package pbxtrace_test

import (
	"path/filepath"
	"testing"

	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// TestPathFromNestedPackage: this package sits two levels below the
// module root, one deeper than ami and ari, and must find the same folder.
func TestPathFromNestedPackage(t *testing.T) {
	want := filepath.Join("..", "..", "..", "shared", "pbx-traces")
	if got := pbxtrace.Path(); got != want {
		t.Errorf("Path: got %q, want %q", got, want)
	}
}
