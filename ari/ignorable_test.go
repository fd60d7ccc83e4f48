package ari

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"

	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// TestIgnorableIsSafe: a frame skipped before decoding must be one
// Translate returns nothing for.
func TestIgnorableIsSafe(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(pbxtrace.Dir(t), "asterisk-22", "ari-22-*.events.jsonl"))
	if len(files) == 0 {
		t.Skip("no ari-22-*.events.jsonl traces under asterisk-22 of the pbx traces")
	}
	skipped := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			frame := sc.Bytes()
			ev, err := Decode(frame)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if rawType(frame) != ev.GetType() {
				t.Errorf("rawType: got %q, want %q", rawType(frame), ev.GetType())
			}
			if ignorable(frame) {
				skipped++
				if got := Translate(ev); got != nil {
					t.Errorf("%s: skipped a %s frame that translates to %+v", filepath.Base(f), ev.GetType(), got)
				}
			}
		}
		fh.Close()
	}
	if skipped == 0 {
		t.Error("skipped no frame")
	}
}
