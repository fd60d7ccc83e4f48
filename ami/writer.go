package ami

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Writer encodes actions with CRLF line endings.
type Writer struct {
	bw *bufio.Writer
}

// NewWriter returns a Writer over w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriter(w)}
}

// WriteMessage writes m and flushes it. A key or value holding CR or LF is
// refused: it would end the frame early and let the rest be read as a
// second action.
func (w *Writer) WriteMessage(m *Message) error {
	if err := validate(m); err != nil {
		return err
	}
	if err := encode(w.bw, m); err != nil {
		return fmt.Errorf("ami: write %s: %w", m.Action(), err)
	}
	if err := w.bw.Flush(); err != nil {
		return fmt.Errorf("ami: write %s: %w", m.Action(), err)
	}
	return nil
}

func validate(m *Message) error {
	for _, h := range m.Headers {
		if h.Key == "" || strings.ContainsAny(h.Key, ":\r\n") || strings.ContainsAny(h.Value, "\r\n") {
			return fmt.Errorf("ami: header %q: %w", h.Key, ErrInvalidHeader)
		}
	}
	return nil
}

func encode(w io.StringWriter, m *Message) error {
	for _, h := range m.Headers {
		for _, s := range [...]string{h.Key, ": ", h.Value, "\r\n"} {
			if _, err := w.WriteString(s); err != nil {
				return err
			}
		}
	}
	_, err := w.WriteString("\r\n")
	return err
}
