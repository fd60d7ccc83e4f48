package ami

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Default limits. Real frames are far smaller (the largest event in the
// recordings is under 2 KiB); the headroom is for Command output and long
// channel variables.
const (
	DefaultMaxLineBytes  = 64 << 10
	DefaultMaxHeaders    = 1024
	DefaultMaxFrameBytes = 1 << 20
)

// endCommand ends the raw output of a 1.4/1.6 "Response: Follows" reply.
const endCommand = "--END COMMAND--"

// Limits bound what one frame may cost, so a broken or hostile peer cannot
// make the Reader allocate without bound. Zero fields take the defaults.
type Limits struct {
	MaxLineBytes  int // longest line, terminator included
	MaxHeaders    int // most headers in one frame
	MaxFrameBytes int // largest frame, Command output included
}

func (l Limits) withDefaults() Limits {
	if l.MaxLineBytes <= 0 {
		l.MaxLineBytes = DefaultMaxLineBytes
	}
	if l.MaxHeaders <= 0 {
		l.MaxHeaders = DefaultMaxHeaders
	}
	if l.MaxFrameBytes <= 0 {
		l.MaxFrameBytes = DefaultMaxFrameBytes
	}
	return l
}

// Banner is the greeting line Asterisk sends on connect, such as
// "Asterisk Call Manager/1.1".
type Banner struct {
	Line    string // the whole line
	Product string // "Asterisk Call Manager"
	Version string // "1.0" (1.4), "1.1" (1.6), "11.0.0" (22)
}

// Reader decodes AMI frames. It is not safe for concurrent use. Errors are
// sticky: after one, every call returns it again.
type Reader struct {
	br   *bufio.Reader
	lim  Limits
	off  int64
	line []byte // scratch for lines longer than the bufio buffer
	err  error
}

// NewReader returns a Reader over r. It reuses r when r is already a
// *bufio.Reader.
func NewReader(r io.Reader, lim Limits) *Reader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 16<<10)
	}
	return &Reader{br: br, lim: lim.withDefaults()}
}

// Offset returns how many bytes the Reader has consumed.
func (r *Reader) Offset() int64 { return r.off }

// ReadBanner reads and parses the greeting line.
func (r *Reader) ReadBanner() (Banner, error) {
	if r.err != nil {
		return Banner{}, r.err
	}
	line, err := r.readLine(r.lim.MaxLineBytes)
	if err != nil {
		r.err = r.frameErr(0, err)
		return Banner{}, r.err
	}
	b, err := ParseBanner(string(line))
	if err != nil {
		r.err = err
	}
	return b, err
}

// ParseBanner splits a greeting line at its last '/'.
func ParseBanner(line string) (Banner, error) {
	i := strings.LastIndexByte(line, '/')
	if i <= 0 || i == len(line)-1 {
		if len(line) > 64 {
			line = line[:64] + "..."
		}
		return Banner{}, fmt.Errorf("ami: parse banner %q: %w", line, ErrBadBanner)
	}
	return Banner{Line: line, Product: line[:i], Version: line[i+1:]}, nil
}

// ReadMessage reads the next frame. It returns io.EOF only at a frame
// boundary; a stream cut inside a frame gives a *FrameError wrapping
// io.ErrUnexpectedEOF.
func (r *Reader) ReadMessage() (*Message, error) {
	if r.err != nil {
		return nil, r.err
	}
	m, err := r.readMessage()
	if err != nil {
		r.err = err
		return nil, err
	}
	return m, nil
}

func (r *Reader) readMessage() (*Message, error) {
	var (
		start int64
		line  []byte
		err   error
	)
	// Blank lines between frames carry nothing; skip them.
	for len(line) == 0 {
		start = r.off
		line, err = r.readLine(r.lim.MaxLineBytes)
		if err == io.EOF && r.off == start {
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.frameErr(start, err)
		}
	}
	p := frameParser{m: &Message{Headers: make([]Header, 0, 16)}, lim: r.lim}
	for {
		if err := p.addLine(line); err != nil {
			return nil, r.frameErr(start, err)
		}
		if p.done {
			return p.finish(), nil
		}
		budget := r.lim.MaxFrameBytes - int(r.off-start)
		line, err = r.readLine(min(budget, r.lim.MaxLineBytes))
		if errors.Is(err, ErrLineTooLong) && budget < r.lim.MaxLineBytes {
			err = ErrFrameTooLarge
		}
		if err != nil {
			return nil, r.frameErr(start, err)
		}
	}
}

func (r *Reader) frameErr(start int64, err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return &FrameError{Offset: start, Err: err}
}

// readLine returns the next line without "\n" or "\r\n". The slice is valid
// until the next call. A line longer than limit bytes is ErrLineTooLong; a
// final line without "\n" is returned with io.EOF.
func (r *Reader) readLine(limit int) ([]byte, error) {
	chunk, err := r.br.ReadSlice('\n')
	r.off += int64(len(chunk))
	if len(chunk) > limit {
		return nil, ErrLineTooLong
	}
	if err == nil {
		return trimEOL(chunk), nil
	}
	r.line = append(r.line[:0], chunk...)
	for err == bufio.ErrBufferFull {
		chunk, err = r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		if len(r.line)+len(chunk) > limit {
			return nil, ErrLineTooLong
		}
		r.line = append(r.line, chunk...)
	}
	if err != nil {
		if err == io.EOF && len(r.line) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return trimEOL(r.line), nil
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}
