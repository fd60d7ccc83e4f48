package ami_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/tigerline/tigerline/ami"
)

// BenchmarkReaderFrames parses the largest recording repeatedly.
func BenchmarkReaderFrames(b *testing.B) {
	data := readTrace(b, "asterisk-22/ami-22-inbound-blind-transfer", ".txt")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	frames := 0
	for b.Loop() {
		r := ami.NewReader(bytes.NewReader(data), ami.Limits{})
		if _, err := r.ReadBanner(); err != nil {
			b.Fatal(err)
		}
		for {
			_, err := r.ReadMessage()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			frames++
		}
	}
	b.ReportMetric(float64(frames)/b.Elapsed().Seconds(), "frames/s")
}
