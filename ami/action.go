package ami

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// pending is an action waiting for its reply. The reader fills it under
// Client.mu and closes done; the sender reads it only after done.
type pending struct {
	action   string
	id       string
	list     bool
	resp     *Message
	items    []*Message
	complete *Message
	err      error
	done     chan struct{}
}

// List is the reply to a list action such as Status, CoreShowChannels or
// QueueStatus: the response, the item events and the closing event.
type List struct {
	Response *Message
	Events   []*Message
	// Complete is the closing "...Complete" event. 1.4's StatusComplete has
	// no count, 1.6's has Items, 22's has EventList and ListItems.
	Complete *Message
}

// Send writes action a and waits for its response. It sets an ActionID
// unless a has one; a itself is not modified. A "Response: Error" reply is
// returned together with an *ActionError.
func (c *Client) Send(ctx context.Context, a *Message) (*Message, error) {
	p, err := c.send(ctx, a, false)
	if err != nil {
		return nil, err
	}
	return p.resp, responseErr(p)
}

// SendList writes a list action and collects the events carrying its
// ActionID until the closing "...Complete" event. An unknown list action
// (CoreShowChannels on 1.4) fails with an *ActionError.
func (c *Client) SendList(ctx context.Context, a *Message) (*List, error) {
	p, err := c.send(ctx, a, true)
	if err != nil {
		return nil, err
	}
	return &List{Response: p.resp, Events: p.items, Complete: p.complete}, responseErr(p)
}

// Command runs a CLI command and returns its output, whether the server
// answers the 1.4/1.6 way (Response: Follows, raw text) or the newer way
// (one Output header per line).
func (c *Client) Command(ctx context.Context, command string) (string, error) {
	resp, err := c.Send(ctx, NewAction("Command", "Command", command))
	if err != nil {
		return "", err
	}
	if resp.Output != "" {
		return resp.Output, nil
	}
	return strings.Join(resp.Values("Output"), "\n"), nil
}

func responseErr(p *pending) error {
	if p.resp != nil && strings.EqualFold(p.resp.Response(), "Error") {
		return &ActionError{Action: p.action, ActionID: p.id, Message: p.resp.Get("Message")}
	}
	return nil
}

func (c *Client) send(ctx context.Context, a *Message, list bool) (*pending, error) {
	a = a.Clone()
	id := a.ActionID()
	if id == "" {
		id = c.prefix + strconv.FormatUint(c.seq.Add(1), 10)
		a.Set("ActionID", id)
	}
	p := &pending{action: a.Action(), id: id, list: list, done: make(chan struct{})}
	if err := c.register(p); err != nil {
		return nil, err
	}
	if err := c.write(a); err != nil {
		c.forget(id)
		return nil, err
	}
	select {
	case <-p.done:
		if p.err != nil {
			return nil, fmt.Errorf("ami: action %s: %w", p.action, p.err)
		}
		return p, nil
	case <-ctx.Done():
		c.forget(id)
		return nil, fmt.Errorf("ami: action %s: %w", p.action, ctx.Err())
	}
}

func (c *Client) register(p *pending) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return fmt.Errorf("ami: action %s: %w", p.action, c.err)
	}
	if _, dup := c.pending[p.id]; dup {
		return fmt.Errorf("ami: action %s: ActionID %q already pending", p.action, p.id)
	}
	c.pending[p.id] = p
	return nil
}

func (c *Client) forget(id string) {
	c.mu.Lock()
	delete(c.pending, id)
	c.mu.Unlock()
}

func (c *Client) write(a *Message) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.conn.SetWriteDeadline(time.Now().Add(c.cfg.WriteTimeout)); err != nil {
		return fmt.Errorf("ami: action %s: %w", a.Action(), err)
	}
	if err := c.w.WriteMessage(a); err != nil {
		// A half-written frame leaves the stream unusable.
		c.fail(err)
		return err
	}
	return nil
}

// claim hands m to the pending action with its ActionID, reporting whether
// it was taken. Late or unexpected frames fall through to OnEvent.
func (c *Client) claim(m *Message) bool {
	id := m.ActionID()
	if id == "" {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.pending[id]
	if p == nil || !p.accept(m) {
		return false
	}
	if p.finished() {
		delete(c.pending, id)
		close(p.done)
	}
	return true
}

func (p *pending) accept(m *Message) bool {
	if !m.IsEvent() {
		if p.resp != nil {
			return false
		}
		p.resp = m
		return true
	}
	if !p.list {
		return false
	}
	if isListEnd(m) {
		p.complete = m
	} else {
		p.items = append(p.items, m)
	}
	return true
}

func (p *pending) finished() bool {
	if p.resp == nil {
		return false
	}
	if !p.list || p.complete != nil {
		return true
	}
	// No list follows an error (CoreShowChannels on 1.4).
	return strings.EqualFold(p.resp.Response(), "Error")
}

// isListEnd recognises the closing event of every dialect: 22 and 1.6 mark
// it "EventList: Complete", 1.4 only names it "...Complete".
func isListEnd(m *Message) bool {
	if el := m.Get("EventList"); strings.EqualFold(el, "Complete") || strings.EqualFold(el, "Cancelled") {
		return true
	}
	return strings.HasSuffix(m.Event(), "Complete")
}
