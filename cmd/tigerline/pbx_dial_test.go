package main

import (
	"context"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/realtime"
)

// TestClickToCall rings the agent's phone through the running PBX
// connection, then dials the customer: the simulator places the outbound
// call and it is stored as one outbound call record. The errors an agent
// can meet are each one clear message.
func TestClickToCall(t *testing.T) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(t)
	phones, err := phone.New("US")
	if err != nil {
		t.Fatal(err)
	}
	users := mysql.NewUserService(db)
	agent, err := users.CreateUser(ctx, crm.NewUser{UserName: "amy", Password: "amy-secret-1", LastName: "Chan", Extension: "101"})
	if err != nil {
		t.Fatal(err)
	}
	noExt, err := users.CreateUser(ctx, crm.NewUser{UserName: "bob", Password: "bob-secret-1", LastName: "Lee"})
	if err != nil {
		t.Fatal(err)
	}
	sim, err := amisim.Start(ctx, amisim.Config{Dialect: ami.DialectAMI2, Username: "tigerline", Secret: "tigerline", Seed: 3,
		ClickToCallTalk: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	pbxs := mysql.NewPBXService(db)
	if _, err := pbxs.Add(ctx, &crm.PBX{Name: "c2c", Address: sim.Addr(), Username: "tigerline", Secret: "tigerline",
		InboundContexts: []string{"from-pstn"}, OutboundContexts: []string{"pstn-out"}}); err != nil {
		t.Fatal(err)
	}
	bus := realtime.NewMemoryBus()
	t.Cleanup(func() { bus.Close() })
	running := runTestPBXs(t, db, users, phones, bus, defaultDial)

	for _, tt := range []struct {
		name   string
		user   *crm.User
		number string
		want   string
	}{
		{"no extension", noExt, "+1 415 555 0142", crm.EInvalid},
		{"not a number", agent, "call me maybe", crm.EInvalid},
		{"dialplan syntax", agent, "123&Local/999@evil", crm.EInvalid},
	} {
		if err := running.Originate(ctx, tt.user, tt.number); crm.ErrorCode(err) != tt.want {
			t.Errorf("%s: got %v, want code %s", tt.name, err, tt.want)
		}
	}

	if err := running.Originate(ctx, agent, "(415) 555-0142"); err != nil {
		t.Fatalf("click-to-call: %v", err)
	}
	waitUntil(t, "outbound call stored", 15*time.Second, func() bool { return len(storedCalls(t, db, "c2c")) == 1 })
	c := storedCalls(t, db, "c2c")[0]
	if c.Direction != "outbound" || c.CustomerNumber.String != "+14155550142" || c.User.String != itoa64(agent.ID) {
		t.Errorf("call: got direction %q customer %q user %q, want outbound +14155550142 %d",
			c.Direction, c.CustomerNumber.String, c.User.String, agent.ID)
	}

	sim.Close()
	waitUntil(t, "pbx down noticed", 5*time.Second, func() bool {
		return running.Originate(ctx, agent, "+14155550142") != nil
	})
	if err := running.Originate(ctx, agent, "+14155550142"); crm.ErrorCode(err) != crm.EUnavailable {
		t.Errorf("PBX down: got %v, want unavailable", err)
	}
}
