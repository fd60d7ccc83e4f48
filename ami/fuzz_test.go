package ami_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// FuzzReader feeds arbitrary bytes to the Reader. It must never panic, and
// with small limits no frame may exceed them.
func FuzzReader(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(pbxtrace.Path(), "*", "ami-*.txt"))
	if len(paths) == 0 {
		f.Logf("no traces under %s; fuzzing with built-in seeds only", pbxtrace.Path())
	}
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Asterisk Call Manager/1.0\r\nResponse: Follows\r\nPrivilege: Command\r\nx: y\n--END COMMAND--\r\n\r\n"))
	f.Add([]byte("Asterisk Call Manager/1.1\nEvent: A\n\n\n\nEvent: B\nVariable: a=b\nVariable: c=d\n\n"))
	lim := ami.Limits{MaxLineBytes: 512, MaxHeaders: 64, MaxFrameBytes: 4096}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := ami.NewReader(bytes.NewReader(data), lim)
		if _, err := r.ReadBanner(); err != nil {
			return
		}
		for {
			m, err := r.ReadMessage()
			if err != nil {
				return
			}
			if len(m.Headers) > lim.MaxHeaders {
				t.Fatalf("headers: got %d, want at most %d", len(m.Headers), lim.MaxHeaders)
			}
			if n := len(m.String()); n > lim.MaxFrameBytes+4*len(m.Headers) {
				t.Fatalf("frame size: got %d bytes, want at most %d", n, lim.MaxFrameBytes)
			}
		}
	})
}
