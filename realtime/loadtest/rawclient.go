package loadtest

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

// rawClient is a minimal websocket client: a socket and a small reader,
// with no goroutine while idle, so that what Fanout measures per
// connection is the server's cost, not the client's.
type rawClient struct {
	conn net.Conn
	br   *bufio.Reader
}

// dialRaw connects as user and reads the hub's hello.
func dialRaw(addr string, user int) (*rawClient, error) {
	conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	req := "GET /ws HTTP/1.1\r\nHost: " + addr + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
		userHeader + ": " + strconv.Itoa(user) + "\r\n\r\n"
	if _, err := io.WriteString(conn, req); err != nil {
		conn.Close()
		return nil, err
	}
	c := &rawClient{conn: conn, br: bufio.NewReaderSize(conn, 4096)}
	resp, err := http.ReadResponse(c.br, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSwitchingProtocols {
		conn.Close()
		return nil, fmt.Errorf("upgrade: status %d", resp.StatusCode)
	}
	if _, err := c.next(nil); err != nil { // hello
		conn.Close()
		return nil, fmt.Errorf("hello: %w", err)
	}
	_ = conn.SetDeadline(time.Time{})
	return c, nil
}

// next returns the payload of the next text frame, answering pings and
// failing on a close frame. buf is reused when large enough.
func (c *rawClient) next(buf []byte) ([]byte, error) {
	for {
		var h [2]byte
		if _, err := io.ReadFull(c.br, h[:]); err != nil {
			return nil, err
		}
		n := uint64(h[1] & 0x7f)
		switch n {
		case 126:
			var b [2]byte
			if _, err := io.ReadFull(c.br, b[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(b[:]))
		case 127:
			var b [8]byte
			if _, err := io.ReadFull(c.br, b[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(b[:])
		}
		if h[1]&0x80 != 0 || h[0]&0x80 == 0 || n > 16<<20 {
			return nil, errors.New("unexpected frame from server")
		}
		if uint64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(c.br, buf); err != nil {
			return nil, err
		}
		switch h[0] & 0x0f {
		case 0x1: // text
			return buf, nil
		case 0x8:
			return nil, errors.New("closed by server")
		case 0x9: // ping: answer with an empty masked pong
			if _, err := c.conn.Write([]byte{0x8a, 0x80, 0, 0, 0, 0}); err != nil {
				return nil, err
			}
		}
	}
}

func (c *rawClient) close() { _ = c.conn.Close() }
