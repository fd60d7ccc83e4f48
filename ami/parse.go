package ami

import (
	"bytes"
	"strings"
)

// frameParser turns the lines of one frame into a Message. It knows the one
// irregular frame AMI has: the 1.4/1.6 Command reply, whose body is raw CLI
// text (which may contain ':' and blank lines) up to "--END COMMAND--".
type frameParser struct {
	m      *Message
	lim    Limits
	state  int
	output strings.Builder
	nout   int // output lines seen
	done   bool
}

const (
	stateHeaders = iota
	stateFollowsHeaders
	stateOutput
)

func (p *frameParser) addLine(line []byte) error {
	switch p.state {
	case stateFollowsHeaders:
		// Asterisk writes Privilege and ActionID before the raw output.
		if k, _ := splitHeader(line); k == "Privilege" || k == "ActionID" {
			break
		}
		p.state = stateOutput
		fallthrough
	case stateOutput:
		p.addOutput(line)
		return nil
	}
	if len(line) == 0 {
		p.done = true
		return nil
	}
	if len(p.m.Headers) >= p.lim.MaxHeaders {
		return ErrTooManyHeaders
	}
	k, v := splitHeader(line)
	p.m.Headers = append(p.m.Headers, Header{Key: k, Value: v})
	if len(p.m.Headers) == 1 && k == "Response" && v == "Follows" {
		p.state = stateFollowsHeaders
	}
	return nil
}

// addOutput appends one raw output line. The marker ends the output; CLI
// text without a final newline leaves it glued to the last line.
func (p *frameParser) addOutput(line []byte) {
	text, ended := bytes.CutSuffix(line, []byte(endCommand))
	if !ended || len(text) > 0 {
		if p.nout > 0 {
			p.output.WriteByte('\n')
		}
		p.output.Write(text)
		p.nout++
	}
	if ended {
		p.state = stateHeaders
	}
}

func (p *frameParser) finish() *Message {
	p.m.Output = p.output.String()
	return p.m
}

// splitHeader splits at the first ':' only, so values such as
// "Local/101@agents-1f5c,1" or "Inbound call: 42" stay whole. A line without
// ':' becomes a key with an empty value rather than an error: old Asterisk
// modules emit such lines and dropping the frame would lose the event.
func splitHeader(line []byte) (key, value string) {
	i := bytes.IndexByte(line, ':')
	if i < 0 {
		return internKey(bytes.TrimSpace(line)), ""
	}
	k := internKey(bytes.TrimSpace(line[:i]))
	v := bytes.TrimLeft(line[i+1:], " \t")
	return k, string(v)
}

// commonKeys lets the reader share one string per frequent key instead of
// allocating it in every frame.
var commonKeys = func() map[string]string {
	keys := []string{
		"Event", "Response", "ActionID", "Message", "Privilege", "Channel",
		"ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName",
		"ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode",
		"Context", "Exten", "Extension", "Priority", "Uniqueid", "UniqueID",
		"Linkedid", "Application", "AppData", "Variable", "Value", "State",
		"DestChannel", "DestChannelState", "DestChannelStateDesc",
		"DestCallerIDNum", "DestCallerIDName", "DestConnectedLineNum",
		"DestConnectedLineName", "DestLanguage", "DestAccountCode",
		"DestContext", "DestExten", "DestPriority", "DestUniqueid",
		"DestLinkedid", "DialStatus", "DialString", "BridgeUniqueid",
		"BridgeType", "BridgeTechnology", "BridgeCreator", "BridgeName",
		"BridgeNumChannels", "BridgeVideoSourceMode", "Cause", "Cause-txt",
		"Device", "Status", "EventList", "ListItems", "Items", "Queue",
		"Interface", "MemberName", "Timestamp", "SystemName", "CallerID",
		"Source", "Destination", "Reason", "Link", "Seconds", "Account",
	}
	m := make(map[string]string, len(keys))
	for _, k := range keys {
		m[k] = k
	}
	return m
}()

func internKey(b []byte) string {
	if s, ok := commonKeys[string(b)]; ok {
		return s
	}
	return string(b)
}
