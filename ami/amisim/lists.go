package amisim

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/ami"
)

// StatusReply returns the frames that answer Action: Status in dialect d
// for the channels listed at now: the response, one Status event per
// channel and StatusComplete, shaped as each version's manager.c does.
func StatusReply(d ami.Dialect, actionID string, chans []Channel, now time.Time) []*ami.Message {
	resp := kvMsg("Response", "Success", "ActionID", actionID)
	if d == ami.DialectAMI2 {
		resp.Add("EventList", "start")
	}
	resp.Add("Message", "Channel status will follow")
	out := []*ami.Message{resp}
	for i := range chans {
		out = append(out, statusItem(d, actionID, &chans[i], now))
	}
	done := kvMsg("Event", "StatusComplete", "ActionID", actionID)
	n := strconv.Itoa(len(chans))
	switch d {
	case ami.DialectAMI2:
		done.Add("EventList", "Complete")
		done.Add("ListItems", n)
		done.Add("Items", n)
	case ami.Dialect14:
	default:
		done.Add("Items", n)
	}
	return append(out, done)
}

// CoreShowChannelsReply answers Action: CoreShowChannels; 1.4 does not
// know the action and says so.
func CoreShowChannelsReply(d ami.Dialect, actionID string, chans []Channel, now time.Time) []*ami.Message {
	if d == ami.Dialect14 {
		return []*ami.Message{kvMsg("Response", "Error", "ActionID", actionID, "Message", "Invalid/unknown command")}
	}
	out := []*ami.Message{kvMsg("Response", "Success", "ActionID", actionID, "EventList", "start", "Message", "Channels will follow")}
	for i := range chans {
		out = append(out, coreShowChannel(d, actionID, &chans[i], now))
	}
	n := strconv.Itoa(len(chans))
	if d == ami.DialectAMI2 {
		return append(out, kvMsg("Event", "CoreShowChannelsComplete", "ActionID", actionID, "EventList", "Complete", "ListItems", n))
	}
	return append(out, kvMsg("Event", "CoreShowChannelsComplete", "EventList", "Complete", "ListItems", n, "ActionID", actionID))
}

func kvMsg(kv ...string) *ami.Message {
	m := &ami.Message{}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Add(kv[i], kv[i+1])
	}
	return m
}

// runsDialplan tells the channels Asterisk lists with their dialplan
// position (the ";2" half of a Local pair, or any non-Local channel) from
// those it lists in the short form (a dialled or originated ";1" half).
func runsDialplan(c *Channel) bool {
	return !strings.HasPrefix(c.Name, "Local/") || strings.HasSuffix(c.Name, "2")
}

func stateNum(desc string) string {
	for n, d := range stateDescs {
		if d == desc {
			return strconv.Itoa(n)
		}
	}
	return "0"
}

func statusItem(d ami.Dialect, id string, c *Channel, now time.Time) *ami.Message {
	seconds := strconv.Itoa(int(now.Sub(c.Created) / time.Second))
	m := kvMsg("Event", "Status", "Privilege", "Call", "Channel", c.Name)
	switch d {
	case ami.DialectAMI2:
		snap := snap22(nil, "", &channel{name: c.Name, uid: c.UniqueID, linked: c.LinkedID,
			state: atoiDefault(stateNum(c.State)), cidNum: c.CallerNum, cidName: c.CallerName,
			connNum: c.ConnectedNum, connName: c.ConnectedName, context: c.Context, exten: c.Exten,
			prio: atoiDefault(c.Priority)})
		m = kvMsg(append([]string{"Event", "Status", "Privilege", "Call"}, snap...)...)
		for _, kv := range [][2]string{{"Type", "Local"}, {"DNID", ""}, {"EffectiveConnectedLineNum", orUnknown(c.ConnectedNum)},
			{"EffectiveConnectedLineName", orUnknown(c.ConnectedName)}, {"TimeToHangup", "0"}, {"BridgeID", c.BridgeID},
			{"Application", c.App}, {"Data", c.AppData}, {"Nativeformats", "(slin)"}, {"Readformat", "slin"},
			{"Readtrans", ""}, {"Writeformat", "slin"}, {"Writetrans", ""}, {"Callgroup", "0"}, {"Pickupgroup", "0"},
			{"Seconds", seconds}} {
			m.Add(kv[0], kv[1])
		}
	case ami.Dialect14:
		m.Add("CallerID", orUnknown(c.CallerNum))
		m.Add("CallerIDNum", orUnknown(c.CallerNum))
		m.Add("CallerIDName", orUnknown(c.CallerName))
		m.Add("Account", "")
		m.Add("State", c.State)
		if runsDialplan(c) {
			m.Add("Context", c.Context)
			m.Add("Extension", c.Exten)
			m.Add("Priority", c.Priority)
			m.Add("Seconds", seconds)
		}
		if c.BridgedName != "" {
			m.Add("Link", c.BridgedName)
		}
		m.Add("Uniqueid", c.UniqueID)
	default:
		m.Add("CallerIDNum", c.CallerNum)
		m.Add("CallerIDName", orUnknown(c.CallerName))
		if runsDialplan(c) {
			m.Add("Accountcode", "")
			m.Add("ChannelState", stateNum(c.State))
			m.Add("ChannelStateDesc", c.State)
			m.Add("Context", c.Context)
			m.Add("Extension", c.Exten)
			m.Add("Priority", c.Priority)
			m.Add("Seconds", seconds)
		} else {
			m.Add("Account", "")
			m.Add("State", c.State)
		}
		if c.BridgedName != "" {
			m.Add("BridgedChannel", c.BridgedName)
			m.Add("BridgedUniqueid", c.BridgedUID)
		}
		m.Add("Uniqueid", c.UniqueID)
	}
	m.Add("ActionID", id)
	return m
}

func coreShowChannel(d ami.Dialect, id string, c *Channel, now time.Time) *ami.Message {
	dur := now.Sub(c.Created) / time.Second
	hms := fmt.Sprintf("%02d:%02d:%02d", dur/3600, dur/60%60, dur%60)
	if d == ami.DialectAMI2 {
		snap := snap22(nil, "", &channel{name: c.Name, uid: c.UniqueID, linked: c.LinkedID,
			state: atoiDefault(stateNum(c.State)), cidNum: c.CallerNum, cidName: c.CallerName,
			connNum: c.ConnectedNum, connName: c.ConnectedName, context: c.Context, exten: c.Exten,
			prio: atoiDefault(c.Priority)})
		m := kvMsg(append([]string{"Event", "CoreShowChannel", "ActionID", id}, snap...)...)
		for _, kv := range [][2]string{{"Application", c.App}, {"ApplicationData", c.AppData}, {"Duration", hms}, {"BridgeId", c.BridgeID}} {
			m.Add(kv[0], kv[1])
		}
		return m
	}
	return kvMsg("Event", "CoreShowChannel", "ActionID", id, "Channel", c.Name, "UniqueID", c.UniqueID,
		"Context", c.Context, "Extension", c.Exten, "Priority", c.Priority, "ChannelState", stateNum(c.State),
		"ChannelStateDesc", c.State, "Application", c.App, "ApplicationData", c.AppData, "CallerIDnum", c.CallerNum,
		"Duration", hms, "AccountCode", "", "BridgedChannel", c.BridgedName, "BridgedUniqueID", c.BridgedUID)
}

func atoiDefault(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
